package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseJson;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.UnprocessableException;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * The PAS request bundle of a case the caller may read (another clinic's case is not found), with
 * the latest packet PDF when one was generated. Audited with the case id and the packet's document id.
 * A packet made before the case's last change is still the one exported (the contract's 200), and the
 * answer says so ({@link Exported#warnings()}): the Claim shows the case as it is now, the PDF what it was.
 */
@Service
class FhirExporter {

    /** Why the answer's header warns, in the words of the event answers' {@code warnings}: the same rule, the same name. */
    static final String PACKET_OUTDATED = "PACKET_OUTDATED";
    /**
     * The header that names them: a FHIR Bundle has no member for it, and a client that reads only the body still
     * finds the packet's {@code DocumentReference.date}, the time it was made.
     */
    static final String WARNINGS_HEADER = "Authpack-Warnings";

    /** The bundle as FHIR JSON and what the answer warns of (empty, or {@link #PACKET_OUTDATED}). */
    record Exported(String json, List<String> warnings) {
    }

    private final CaseService cases;
    private final CaseJson json;
    private final DocumentStore documents;
    private final FhirContext context;
    private final AuditLog audit;
    private final Clock clock;

    FhirExporter(CaseService cases, CaseJson json, DocumentStore documents, FhirContext context, AuditLog audit,
                 Clock clock) {
        this.cases = cases;
        this.json = json;
        this.documents = documents;
        this.context = context;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The bundle as FHIR JSON. A case saved before the range of dates was enforced may hold a year FHIR
     * cannot write ("-0001", "20250"): that is 422 naming each such field, and the case form names it
     * again on the next save.
     */
    Exported pasBundle(String caseId) {
        StoredCase stored = cases.read(caseId);
        List<FieldProblem> dates = json.datesOutOfRange(stored);
        if (!dates.isEmpty()) {
            audit.record(AuditAction.FHIR_EXPORTED, stored.id().toString(), null, AuditOutcome.REJECTED);
            throw new UnprocessableException("Dates out of range", "A FHIR bundle cannot carry "
                    + dates.stream().map(FieldProblem::field).collect(Collectors.joining(", "))
                    + ": each " + dates.get(0).message() + ". Correct the case, then export again.",
                    Map.of("errors", dates));
        }
        Optional<DocumentView> latest = documents.latestPacket(stored.id(), stored.clinicId());
        Optional<PasBundleBuilder.Packet> packet = latest.flatMap(d -> documents.content(d.id(), stored.clinicId()))
                .map(c -> new PasBundleBuilder.Packet(c.document().id().toString(), c.bytes(), c.document().createdAt()));
        Bundle bundle = PasBundleBuilder.build(stored.id().toString(), stored.data(), packet.orElse(null), clock.instant());
        String encoded = context.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
        audit.record(AuditAction.FHIR_EXPORTED, stored.id().toString(),
                packet.map(PasBundleBuilder.Packet::documentId).orElse(null), AuditOutcome.OK);
        // the case page's rule for "outdated" (DocumentView.madeBefore), so the page and the answer agree
        boolean outdated = packet.isPresent() && latest.get().madeBefore(stored);
        return new Exported(encoded, outdated ? List.of(PACKET_OUTDATED) : List.of());
    }

    /** The answer with the warnings header when there is something to warn of; the API and the page's download alike. */
    static ResponseEntity.BodyBuilder warned(ResponseEntity.BodyBuilder answer, Exported exported) {
        return exported.warnings().isEmpty() ? answer
                : answer.header(WARNINGS_HEADER, String.join(", ", exported.warnings()));
    }

    static String fileName(String caseId) {
        return "pas-request-" + caseId + ".json";
    }

}
