package dev.authpack.appeal;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.authorization.Authorization;
import dev.authpack.authorization.AuthorizationService;
import dev.authpack.authorization.AuthStatus;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.core.ConflictException;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import dev.authpack.document.NewDocument;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.security.Actors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the appeal packet of a denied case (or one whose appeal is under way): the letter
 * answering the denial from today's completeness report, followed by the latest packet's pages.
 */
@Service
class AppealService {

    static final Set<AuthStatus> APPEALABLE = Set.of(AuthStatus.DENIED, AuthStatus.APPEALED);
    private static final Set<DocumentKind> PACKETS = Set.of(DocumentKind.PACKET, DocumentKind.EXCEPTION_PACKET);

    private final CaseService cases;
    private final AuthorizationService authorizations;
    private final CompletenessService completeness;
    private final DocumentStore documents;
    private final AppealAssembler assembler;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    AppealService(CaseService cases, AuthorizationService authorizations, CompletenessService completeness,
                  DocumentStore documents, AppealAssembler assembler, AuditLog audit,
                  TransactionTemplate tx) {
        this.cases = cases;
        this.authorizations = authorizations;
        this.completeness = completeness;
        this.documents = documents;
        this.assembler = assembler;
        this.audit = audit;
        this.tx = tx;
    }

    DocumentView generate(UUID caseId) {
        StoredCase stored = cases.read(caseId);
        Authorization a = authorizations.of(stored);
        if (!APPEALABLE.contains(a.status())) {
            audit.record(AuditAction.APPEAL_PACKET_GENERATED, caseId.toString(), null, AuditOutcome.CONFLICT);
            throw new ConflictException("Nothing to appeal", "An appeal packet answers a denial: the authorization"
                    + " must be DENIED or APPEALED; it is " + a.status() + ".", Map.of("authStatus", a.status().name()));
        }
        DocumentView packet = documents.list(caseId, stored.clinicId()).stream()
                .filter(d -> PACKETS.contains(d.kind())).findFirst()
                .orElseThrow(() -> new ConflictException("No packet to enclose", "The case has no packet to enclose;"
                        + " generate one first.", Map.of("authStatus", a.status().name())));
        byte[] packetPdf = documents.content(packet.id(), stored.clinicId()).orElseThrow().bytes();
        CompletenessReport report = completeness.check(stored.data());
        RenderedPdf pdf;
        try {
            pdf = assembler.assemble(packetPdf, layout -> AppealLetter.build(stored.data(), a, report, packet, layout,
                    authorizations.today(), authorizations.dayOf(packet.createdAt()), assembler::title), header(stored));
        } catch (IOException e) {
            audit.record(AuditAction.APPEAL_PACKET_GENERATED, caseId.toString(), null, AuditOutcome.FAILED);
            throw new UncheckedIOException("appeal packet rendering failed for case " + caseId, e);
        }
        // the document and its audit row in one transaction: a crash leaves both or neither
        return tx.execute(status -> {
            DocumentView saved = documents.save(new NewDocument(caseId, stored.clinicId(), DocumentKind.APPEAL_PACKET,
                    pdf, report.policy() == null ? null : report.policy().id(),
                    report.policy() == null ? null : report.policy().version(), Actors.current().username()));
            audit.recordWithWrite(AuditAction.APPEAL_PACKET_GENERATED, caseId.toString(), saved.id().toString());
            return saved;
        });
    }

    private String header(StoredCase stored) {
        var p = stored.data().patient();
        return assembler.header(new AppealView.Person(p.fullName(),
                p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), p.memberId()), stored.data().selfPay());
    }
}
