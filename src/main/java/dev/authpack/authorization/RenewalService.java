package dev.authpack.authorization;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.StoredCase;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.ConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Start reauthorization": a new case copied from an approved (or expired) one, in phase
 * REAUTHORIZATION, starting the day after the approval ends, linked both ways. The copy keeps the
 * policy, the scores and the treatment history, so the clerk only adds the new scores.
 */
@Service
class RenewalService {

    static final Set<AuthStatus> RENEWABLE = EnumSet.of(AuthStatus.APPROVED, AuthStatus.EXPIRED);

    private final CaseService cases;
    private final AuthorizationService authorizations;
    private final RenewalRepository renewals;
    private final AuditLog audit;
    private final Clock clock;

    RenewalService(CaseService cases, AuthorizationService authorizations, RenewalRepository renewals, AuditLog audit,
                   Clock clock) {
        this.cases = cases;
        this.authorizations = authorizations;
        this.renewals = renewals;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a case stands in a chain of renewals: the case it renews, and the cases renewing it, oldest first. */
    public record Links(UUID previousCaseId, List<Renewal> renewedBy) {
    }

    /** A case started as a renewal, and the day it was started (the clinic's day, as the worklist counts). */
    public record Renewal(UUID caseId, LocalDate startedOn) {
    }

    @Transactional
    public StoredCase reauthorize(UUID caseId) {
        StoredCase old = cases.read(caseId);
        Authorization a = authorizations.of(old);
        if (!RENEWABLE.contains(a.status())) {
            audit.record(AuditAction.REAUTHORIZATION_STARTED, caseId.toString(), null, AuditOutcome.CONFLICT);
            throw new ConflictException("Nothing to renew", "Only an APPROVED or EXPIRED authorization can be renewed;"
                    + " this one is " + a.status() + ".", Map.of("authStatus", a.status().name()));
        }
        StoredCase created = cases.create(copyForRenewal(old.data(), a));
        renewals.saveAndFlush(new RenewalRecord(created.id().toString(), old.id().toString(), old.clinicId(),
                clock.instant()));
        audit.recordWithWrite(AuditAction.REAUTHORIZATION_STARTED, caseId.toString(), null);
        audit.recordWithWrite(AuditAction.CASE_CREATED, created.id().toString(), null);
        return created;
    }

    /** The copy: everything but the request's phase and start date, which follow from the approval. */
    static CaseData copyForRenewal(CaseData d, Authorization a) {
        TreatmentRequest renewed = d.request().withPhaseAndStart(Phase.REAUTHORIZATION,
                a.approvedTo() == null ? null : a.approvedTo().plusDays(1));
        return new CaseData(d.policyId(), d.patient(), d.coverage(), d.prescriber(), d.facility(), d.diagnosis(),
                d.assessments(), d.medicationTrials(), d.psychotherapy(), d.screening(), renewed);
    }

    @Transactional(readOnly = true)
    public Links links(StoredCase stored) {
        String id = stored.id().toString();
        List<RenewalRecord> rows = renewals.linksOf(id, stored.clinicId());
        Optional<UUID> previous = rows.stream().filter(r -> r.caseId().equals(id)).findFirst()
                .map(r -> UUID.fromString(r.previousCaseId()));
        List<Renewal> next = rows.stream().filter(r -> r.previousCaseId().equals(id)).map(r -> new Renewal(
                UUID.fromString(r.caseId()), LocalDate.ofInstant(r.createdAt(), clock.getZone()))).toList();
        return new Links(previous.orElse(null), next);
    }

    /** Every renewal of the clinic: new case id → the case it renews. */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> previousByCase(String clinicId) {
        return renewals.findByClinicId(clinicId).stream().collect(Collectors.toMap(
                r -> UUID.fromString(r.caseId()), r -> UUID.fromString(r.previousCaseId())));
    }
}
