package dev.authpack.attachment;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.StoredCase;
import dev.authpack.casefile.CaseService;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import dev.authpack.security.Actors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, removing, restoring and reordering a case's attachments, for the API and the case page alike. The
 * case must be the caller's (another clinic's is "not found"), and every action is audited with the
 * attachment's id: opening is a read of patient data, like a document download.
 */
@Service
class AttachmentChanges {

    /** Which way an attachment moves in the list. */
    enum Direction { UP, DOWN }

    private final AttachmentStore store;
    private final CaseService cases;
    private final AuditLog audit;

    AttachmentChanges(AttachmentStore store, CaseService cases, AuditLog audit) {
        this.store = store;
        this.cases = cases;
        this.audit = audit;
    }

    AttachmentStore.Opened open(UUID caseId, UUID attachmentId) {
        StoredCase c = cases.read(caseId);
        AttachmentStore.Opened opened = store.open(caseId, c.clinicId(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        audit.record(AuditAction.ATTACHMENT_OPENED, caseId.toString(), attachmentId.toString(), AuditOutcome.OK);
        return opened;
    }

    /** The change and its audit row in one transaction, here and below: a crash leaves both or neither. */
    @Transactional
    AttachmentView remove(UUID caseId, UUID attachmentId) {
        StoredCase c = cases.read(caseId);
        AttachmentView removed = store.remove(caseId, c.clinicId(), attachmentId, Actors.current().username());
        audit.recordWithWrite(AuditAction.ATTACHMENT_REMOVED, caseId.toString(), attachmentId.toString());
        return removed;
    }

    /** Puts a removed attachment back, last in the list: the undo of {@link #remove}. */
    @Transactional
    AttachmentView restore(UUID caseId, UUID attachmentId) {
        StoredCase c = cases.read(caseId);
        AttachmentView restored = store.restore(caseId, c.clinicId(), attachmentId);
        audit.recordWithWrite(AuditAction.ATTACHMENT_RESTORED, caseId.toString(), attachmentId.toString());
        return restored;
    }

    /** The case's removed attachments (titles may name the patient: listing them is an audited read). */
    List<RemovedAttachment> removed(UUID caseId) {
        StoredCase c = cases.read(caseId);
        List<RemovedAttachment> removed = store.removed(caseId, c.clinicId());
        audit.record(AuditAction.ATTACHMENTS_LISTED, caseId.toString(), null, AuditOutcome.OK);
        return removed;
    }

    @Transactional
    List<AttachmentView> reorder(UUID caseId, List<UUID> order) {
        StoredCase c = cases.read(caseId);
        try {
            List<AttachmentView> placed = store.reorder(caseId, c.clinicId(), order);
            audit.recordWithWrite(AuditAction.ATTACHMENTS_REORDERED, caseId.toString(), null);
            return placed;
        } catch (InputException e) {
            audit.record(AuditAction.ATTACHMENTS_REORDERED, caseId.toString(), null, AuditOutcome.REJECTED);
            throw e;
        }
    }

    /** Swaps the attachment with its neighbour; at the top (or bottom) already, nothing changes. */
    @Transactional
    List<AttachmentView> move(UUID caseId, UUID attachmentId, Direction direction) {
        StoredCase c = cases.read(caseId);
        List<UUID> order = new ArrayList<>(store.list(caseId, c.clinicId()).stream().map(AttachmentView::id).toList());
        int at = order.indexOf(attachmentId);
        if (at < 0) {
            throw new NotFoundException("attachment");
        }
        int to = direction == Direction.UP ? at - 1 : at + 1;
        if (to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, attachmentId);
        }
        return reorder(caseId, order);
    }
}
