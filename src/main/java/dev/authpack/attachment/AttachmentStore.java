package dev.authpack.attachment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical-notes PDFs of a case. Uploads are parsed and cleaned before they are stored; the packet
 * reads them back one at a time ({@link #content}) so merging never holds them all in memory.
 */
@Service
public class AttachmentStore {

    private final AttachmentRepository attachments;
    private final Clock clock;
    private final int maxPages;

    AttachmentStore(AttachmentRepository attachments, Clock clock,
                    @Value("${authpack.attachments.max-pages:500}") int maxPages) {
        this.attachments = attachments;
        this.clock = clock;
        this.maxPages = maxPages;
    }

    /**
     * Cleans and stores an upload; a file that is not a readable PDF, or has more pages than
     * {@code authpack.attachments.max-pages}, is an input problem (400).
     */
    @Transactional
    public AttachmentView save(UUID caseId, String clinicId, String title, byte[] upload, String createdBy) {
        CleanPdf pdf = PdfSanitizer.clean(upload, maxPages);
        AttachmentEntity entity = new AttachmentEntity(UUID.randomUUID(), caseId, clinicId, title, pdf, createdBy,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return attachments.save(entity).view();
    }

    /** The case's attachments in upload order, without their bytes. */
    @Transactional(readOnly = true)
    public List<AttachmentView> list(UUID caseId, String clinicId) {
        return attachments.listForCase(caseId.toString(), clinicId).stream().map(AttachmentRepository.Row::view).toList();
    }

    /** The stored (cleaned) bytes of one attachment. */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(UUID id) {
        return attachments.findById(id.toString()).map(AttachmentEntity::content);
    }
}
