package dev.authpack.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An uploaded clinical-notes PDF, stored already cleaned. Its content never changes; its place in
 * the case's list does, and removing it only marks it (who, when), so the record keeps that it existed.
 */
@Entity
@Table(name = "attachments")
class AttachmentEntity {

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;
    @Column(name = "clinic_id", nullable = false, updatable = false)
    private String clinicId;
    @Column(nullable = false, updatable = false)
    private String title;
    /** A BLOB on H2 and BYTEA on PostgreSQL (migration V113); both are read and written as bytes. */
    @Column(nullable = false, updatable = false)
    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    private byte[] content;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(nullable = false, updatable = false)
    private int pages;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;
    @Column(name = "removed_at")
    private Instant removedAt;
    @Column(name = "removed_by")
    private String removedBy;

    protected AttachmentEntity() {
    }

    AttachmentEntity(UUID id, UUID caseId, String clinicId, String title, CleanPdf pdf, String createdBy,
                     Instant createdAt, int sortOrder) {
        this.id = id.toString();
        this.caseId = caseId.toString();
        this.clinicId = clinicId;
        this.title = title;
        this.content = pdf.bytes();
        this.sha256 = pdf.sha256();
        this.pages = pdf.pages();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.sortOrder = sortOrder;
    }

    AttachmentView view() {
        return new AttachmentView(UUID.fromString(id), title, pages, sha256);
    }

    byte[] content() {
        return content;
    }

    String caseId() {
        return caseId;
    }

    String clinicId() {
        return clinicId;
    }

    boolean removed() {
        return removedAt != null;
    }

    void placeAt(int position) {
        this.sortOrder = position;
    }

    /** Puts a removed attachment back at the given place; who removed it and when stay in the audit trail. */
    void restore(int position) {
        if (removedAt != null) {
            this.removedAt = null;
            this.removedBy = null;
            this.sortOrder = position;
        }
    }

    /** Leaves the row in place: removal takes the attachment out of the list and out of new packets only. */
    void remove(String by, Instant at) {
        if (removedAt == null) {
            this.removedAt = at;
            this.removedBy = by;
        }
    }
}
