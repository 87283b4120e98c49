package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import java.time.Clock;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Service;

/**
 * The PAS request bundle of a case the caller may read (another clinic's case is not found), with
 * the latest packet PDF when one was generated. Audited with the case id and the packet's document id.
 */
@Service
class FhirExporter {

    private final CaseService cases;
    private final DocumentStore documents;
    private final FhirContext context;
    private final AuditLog audit;
    private final Clock clock;

    FhirExporter(CaseService cases, DocumentStore documents, FhirContext context, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.context = context;
        this.audit = audit;
        this.clock = clock;
    }

    /** The bundle as FHIR JSON. */
    String pasBundle(String caseId) {
        StoredCase stored = cases.read(caseId);
        Optional<PasBundleBuilder.Packet> packet = latestPacket(stored);
        Bundle bundle = PasBundleBuilder.build(stored.id().toString(), stored.data(), packet.orElse(null), clock.instant());
        String json = context.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
        audit.record(AuditAction.FHIR_EXPORTED, stored.id().toString(),
                packet.map(PasBundleBuilder.Packet::documentId).orElse(null), AuditOutcome.OK);
        return json;
    }

    private Optional<PasBundleBuilder.Packet> latestPacket(StoredCase stored) {
        return documents.list(stored.id(), stored.clinicId()).stream()
                .filter(d -> d.kind() == DocumentKind.PACKET || d.kind() == DocumentKind.EXCEPTION_PACKET)
                .findFirst()
                .flatMap(d -> documents.content(d.id(), stored.clinicId()))
                .map(c -> new PasBundleBuilder.Packet(c.document().id().toString(), c.bytes(), c.document().createdAt()));
    }

    static String fileName(String caseId) {
        return "pas-request-" + caseId + ".json";
    }

}
