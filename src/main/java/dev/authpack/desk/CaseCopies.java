package dev.authpack.desk;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.Screening;
import dev.authpack.casefile.StoredCase;
import dev.authpack.casefile.TreatmentRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Copy as new case": a new draft of the same clinic with everything of the source case except
 * what belongs to one request only and would go stale silently if carried over: the request start
 * date, the severity scores (every assessment), the blood-pressure reading with its date, and the
 * PDMP check date. Both sides are audited: CASE_COPIED on the source, CASE_CREATED on the copy.
 */
@Component
class CaseCopies {

    private final CaseService cases;
    private final AuditLog audit;

    CaseCopies(CaseService cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** The copy and both rows in one transaction: a crash leaves all three or none. */
    @Transactional
    StoredCase copy(String sourceId) {
        StoredCase source = cases.read(sourceId);
        audit.recordWithWrite(AuditAction.CASE_COPIED, source.id().toString(), null);
        StoredCase copy = cases.create(cleared(source.data()));
        audit.recordWithWrite(AuditAction.CASE_CREATED, copy.id().toString(), null);
        return copy;
    }

    static CaseData cleared(CaseData d) {
        TreatmentRequest request = d.request().withPhaseAndStart(d.request().phase(), null);
        Screening s = d.screening();
        Screening screening = s == null ? null : new Screening(null, null, null, s.substanceUse(),
                s.psychoticFeatures(), s.vascularContraindication(), s.pregnant(), null, s.psychosisRiskAttested(),
                s.substanceUseTreated(), s.abstinentSince(), s.ketamineHypersensitivity(), s.concurrentTherapies(),
                s.acuteSuicidality(), s.patientRemsEnrolled());
        return new CaseData(d.policyId(), d.patient(), d.coverage(), d.prescriber(), d.facility(), d.diagnosis(),
                List.of(), d.medicationTrials(), d.psychotherapy(), screening, request);
    }
}
