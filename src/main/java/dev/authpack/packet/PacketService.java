package dev.authpack.packet;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.attachment.AttachmentStore;
import dev.authpack.attachment.AttachmentView;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.RenewedAuthorizations;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.core.UnprocessableException;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import dev.authpack.document.NewDocument;
import dev.authpack.generation.GenerationBusyException;
import dev.authpack.generation.GenerationPool;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.security.Actors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a case's prior-authorization packet: only for a complete case (a clinical-exception
 * packet only needs nothing missing), rendered completely before anything is stored.
 */
@Service
class PacketService {

    private final CaseService cases;
    private final CompletenessService completeness;
    private final AttachmentStore attachments;
    private final PacketViewFactory views;
    private final PacketAssembler assembler;
    private final DocumentStore documents;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final int maxPages;
    private final long maxContentBytes;
    private final GenerationPool generation;
    private final RenewedAuthorizations renewals;

    PacketService(CaseService cases, CompletenessService completeness, AttachmentStore attachments,
                  PacketViewFactory views, PacketAssembler assembler, DocumentStore documents, AuditLog audit,
                  GenerationPool generation, RenewedAuthorizations renewals,
                  @Value("${authpack.packets.max-pages:2000}") int maxPages,
                  @Value("${authpack.packets.max-content-bytes:33554432}") long maxContentBytes, TransactionTemplate tx) {
        this.renewals = renewals;
        this.maxPages = maxPages;
        this.maxContentBytes = maxContentBytes;
        this.cases = cases;
        this.completeness = completeness;
        this.attachments = attachments;
        this.views = views;
        this.assembler = assembler;
        this.documents = documents;
        this.audit = audit;
        this.tx = tx;
        this.generation = generation;
    }

    DocumentView generate(UUID caseId, boolean exception) {
        StoredCase stored = cases.read(caseId);
        CompletenessReport report = completeness.check(stored.data());
        refuseIfNotReady(caseId, report, exception);
        List<AttachmentView> enclosed = attachments.list(caseId, stored.clinicId());
        refuseIfTooLarge(caseId, enclosed.stream().mapToLong(AttachmentView::pages).sum(),
                attachments.bytesInPlace(caseId, stored.clinicId()));
        PacketView view = views.build(stored.data(), report, enclosed.stream().map(AttachmentView::title).toList(),
                exception, renewals.of(stored).orElse(null));
        RenderedPdf pdf;
        try {
            List<PacketAssembler.Enclosure> enclosures = enclosed.stream().map(a -> new PacketAssembler.Enclosure(
                    a.title(), a.pages(), () -> attachments.content(a.id()).orElseThrow())).toList();
            // rendering waits for a generation thread (or is refused with 503 when too many wait)
            pdf = generation.run(() -> assembler.assemble(view, enclosures, maxPages, maxContentBytes));
        } catch (PacketTooLargeException e) {
            audit.record(AuditAction.PACKET_GENERATED, caseId.toString(), null, AuditOutcome.TOO_LARGE);
            throw e;
        } catch (GenerationBusyException e) {
            audit.record(AuditAction.PACKET_GENERATED, caseId.toString(), null, AuditOutcome.BUSY);
            throw e;
        } catch (IOException e) {
            audit.record(AuditAction.PACKET_GENERATED, caseId.toString(), null, AuditOutcome.FAILED);
            throw new UncheckedIOException("packet rendering failed for case " + caseId, e);
        }
        // the document and its audit row in one transaction: a crash leaves both or neither
        return tx.execute(status -> {
            DocumentView saved = documents.save(new NewDocument(caseId, stored.clinicId(),
                    exception ? DocumentKind.EXCEPTION_PACKET : DocumentKind.PACKET, pdf,
                    report.policy() == null ? null : report.policy().id(),
                    report.policy() == null ? null : report.policy().version(), Actors.current().username(),
                    stored.version(), null, views.contentVersions()));
            audit.recordWithWrite(AuditAction.PACKET_GENERATED, caseId.toString(), saved.id().toString());
            return saved;
        });
    }

    /**
     * The attachments' stored page counts or sizes alone may already be over a cap (attachments stored
     * before a cap was lowered): refuse before rendering anything.
     */
    private void refuseIfTooLarge(UUID caseId, long attachmentPages, long attachmentBytes) {
        if (attachmentPages > maxPages) {
            audit.record(AuditAction.PACKET_GENERATED, caseId.toString(), null, AuditOutcome.TOO_LARGE);
            throw new PacketTooLargeException((int) Math.min(attachmentPages, Integer.MAX_VALUE), maxPages);
        }
        if (attachmentBytes > attachments.maxCaseBytes()) {
            audit.record(AuditAction.PACKET_GENERATED, caseId.toString(), null, AuditOutcome.TOO_LARGE);
            throw PacketTooLargeException.attachmentBytes(attachmentBytes, attachments.maxCaseBytes());
        }
    }

    private void refuseIfNotReady(UUID caseId, CompletenessReport report, boolean exception) {
        boolean ready = exception ? report.missing().isEmpty() && report.policy() != null : report.complete();
        if (!ready) {
            audit.record(AuditAction.PACKET_GENERATED, caseId.toString(), null, AuditOutcome.INCOMPLETE);
            String detail = exception
                    ? "Required information is missing: " + String.join(", ", report.missing())
                    : "The case does not meet every criterion or misses required information; see the report.";
            throw new UnprocessableException("Case not ready for a packet", detail, Map.of("report", report));
        }
    }
}
