package dev.authpack.attachment;

import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import dev.authpack.casefile.CaseService;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical-notes PDFs of a case. Uploads are parsed and cleaned before they are stored; the packet
 * reads them back one at a time ({@link #content}) so merging never holds them all in memory. The
 * case's list has an order (the packet's) and removal is a mark, never a delete.
 */
@Service
public class AttachmentStore {

    private final AttachmentRepository attachments;
    private final CaseService cases;
    private final Clock clock;
    private final int maxPages;
    private final long maxCaseBytes;
    private final long maxContentBytes;
    private final int maxObjects;

    AttachmentStore(AttachmentRepository attachments, CaseService cases, Clock clock,
                    @Value("${authpack.attachments.max-pages:500}") int maxPages,
                    @Value("${authpack.attachments.max-case-bytes:52428800}") long maxCaseBytes,
                    @Value("${authpack.attachments.max-content-bytes:16777216}") long maxContentBytes,
                    @Value("${authpack.attachments.max-objects:100000}") int maxObjects) {
        this.attachments = attachments;
        this.cases = cases;
        this.clock = clock;
        this.maxPages = maxPages;
        this.maxCaseBytes = maxCaseBytes;
        this.maxContentBytes = maxContentBytes;
        this.maxObjects = maxObjects;
    }

    /**
     * Cleans and stores an upload; a file that is not a readable PDF, has more pages than
     * {@code authpack.attachments.max-pages} or more page content than {@code authpack.attachments.max-content-bytes}
     * (decoded), or would take the case's attachments past
     * {@code authpack.attachments.max-case-bytes}, is an input problem (400) on {@code file}.
     */
    @Transactional
    public AttachmentView save(UUID caseId, String clinicId, String title, byte[] upload, String createdBy) {
        CleanPdf pdf = PdfSanitizer.clean(upload, maxPages, maxContentBytes, maxObjects);
        // cleaned before the lock: it is the slow part and needs no one else to wait
        lockCase(caseId);
        long total = bytesInPlace(caseId, clinicId) + pdf.bytes().length;
        if (total > maxCaseBytes) {
            throw new InputException("file", "would bring this case's attachments to " + megabytes(total)
                    + "; one packet carries at most " + megabytes(maxCaseBytes) + " of them (setting "
                    + "authpack.attachments.max-case-bytes). Remove an attachment the payer does not need, or "
                    + "upload a smaller scan");
        }
        AttachmentEntity entity = new AttachmentEntity(UUID.randomUUID(), caseId, clinicId, title, pdf, createdBy,
                clock.instant().truncatedTo(ChronoUnit.MICROS), attachments.nextPlace(caseId.toString()));
        return attachments.save(entity).view();
    }

    /** The case's attachments in place, in the case's order (the packet's), without their bytes. */
    @Transactional(readOnly = true)
    public List<AttachmentView> list(UUID caseId, String clinicId) {
        return attachments.listForCase(caseId.toString(), clinicId).stream().map(AttachmentRepository.Row::view).toList();
    }

    /** The case's removed attachments, kept on record: most recently removed first. */
    @Transactional(readOnly = true)
    public List<RemovedAttachment> removed(UUID caseId, String clinicId) {
        return attachments.removedFromCase(caseId.toString(), clinicId);
    }

    /** One attachment of the case (removed ones too: they stay on record) with its bytes. */
    @Transactional(readOnly = true)
    Optional<Opened> open(UUID caseId, String clinicId, UUID id) {
        return attachments.findById(id.toString()).filter(a -> belongs(a, caseId, clinicId))
                .map(a -> new Opened(a.view(), a.content()));
    }

    /** An attachment and its stored bytes. */
    record Opened(AttachmentView attachment, byte[] bytes) {
    }

    /** Marks the attachment removed; removing it again changes nothing. */
    @Transactional
    AttachmentView remove(UUID caseId, String clinicId, UUID id, String by) {
        AttachmentEntity a = attachments.findById(id.toString()).filter(e -> belongs(e, caseId, clinicId))
                .orElseThrow(() -> new NotFoundException("attachment"));
        a.remove(by, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return a.view();
    }

    /**
     * Puts a removed attachment back in the case, last in the list (so the packet encloses it again);
     * restoring one that is in place changes nothing. Like an upload, it may not take the case's
     * attachments past {@code authpack.attachments.max-case-bytes} (409: the request is
     * right, the case has no room).
     */
    @Transactional
    AttachmentView restore(UUID caseId, String clinicId, UUID id) {
        lockCase(caseId);
        AttachmentEntity a = attachments.findById(id.toString()).filter(e -> belongs(e, caseId, clinicId))
                .orElseThrow(() -> new NotFoundException("attachment"));
        if (a.removed()) {
            long total = bytesInPlace(caseId, clinicId) + attachments.bytesOf(id.toString());
            if (total > maxCaseBytes) {
                throw new ConflictException("Attachments full", "Putting this attachment back would bring the "
                        + "case's attachments to " + megabytes(total) + "; one packet carries at most "
                        + megabytes(maxCaseBytes) + " of them (setting authpack.attachments.max-case-bytes). "
                        + "Remove another attachment first.");
            }
            a.restore(attachments.nextPlace(caseId.toString()));
        }
        return a.view();
    }

    /**
     * Puts the case's attachments in the given order, which must name each attachment in place
     * exactly once; anything else is an input problem on {@code order}.
     */
    @Transactional
    List<AttachmentView> reorder(UUID caseId, String clinicId, List<UUID> order) {
        lockCase(caseId);
        List<AttachmentEntity> current = attachments.inPlace(caseId.toString(), clinicId);
        Map<String, AttachmentEntity> byId = new HashMap<>();
        current.forEach(a -> byId.put(a.view().id().toString(), a));
        Set<UUID> named = new HashSet<>(order);
        if (order.size() != current.size() || named.size() != order.size()
                || !named.stream().allMatch(id -> byId.containsKey(id.toString()))) {
            throw new InputException("order", "must list each of the case's " + current.size()
                    + " attachments exactly once");
        }
        for (int i = 0; i < order.size(); i++) {
            byId.get(order.get(i).toString()).placeAt(i);
        }
        return order.stream().map(id -> byId.get(id.toString()).view()).toList();
    }

    /**
     * Waits for any other change to the case's attachments to commit, so two uploads at once (on any
     * instance) cannot both pass the size check on the same total, nor take the same place in the list.
     */
    private void lockCase(UUID caseId) {
        cases.lockForChange(caseId);
    }

    private static boolean belongs(AttachmentEntity a, UUID caseId, String clinicId) {
        return a.caseId().equals(caseId.toString()) && a.clinicId().equals(clinicId);
    }

    /** The stored size of the case's attachments in place: what its packet would merge. */
    @Transactional(readOnly = true)
    public long bytesInPlace(UUID caseId, String clinicId) {
        return attachments.bytesInPlace(caseId.toString(), clinicId);
    }

    /**
     * The most a case's attachments in place may take together ({@code authpack.attachments.max-case-bytes}):
     * a packet merges them all in memory, and a merge larger than the heap ended the service.
     */
    public long maxCaseBytes() {
        return maxCaseBytes;
    }

    /** "52.4 MB": sizes in the units people see in their file browser. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** The stored (cleaned) bytes of one attachment. */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(UUID id) {
        return attachments.findById(id.toString()).map(AttachmentEntity::content);
    }
}
