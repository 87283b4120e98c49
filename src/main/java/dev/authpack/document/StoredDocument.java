package dev.authpack.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One generated PDF. Immutable: every column is written once, there are no setters. */
@Entity
@Table(name = "documents")
class StoredDocument {

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;
    @Column(name = "clinic_id", nullable = false, updatable = false)
    private String clinicId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DocumentKind kind;
    /** A BLOB on H2 and BYTEA on PostgreSQL (migration V113); both are read and written as bytes. */
    @Column(nullable = false, updatable = false)
    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    private byte[] content;
    @Column(nullable = false, updatable = false)
    private String sha256;
    @Column(nullable = false, updatable = false)
    private int pages;
    /** Filled by the database in insertion order; breaks ties between equal {@code createdAt}. */
    @Column(insertable = false, updatable = false)
    private Long seq;
    @Column(name = "policy_id", updatable = false)
    private String policyId;
    @Column(name = "policy_version", updatable = false)
    private String policyVersion;
    @Column(name = "template_version", updatable = false)
    private String templateVersion;
    /** What else of {@code templates/} it was made from, with versions ({@link NewDocument#contentVersions}); V135. */
    @Column(name = "content_versions", length = 500, updatable = false)
    private String contentVersions;
    @Column(name = "case_version", updatable = false)
    private Long caseVersion;
    @Column(updatable = false)
    private String language;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StoredDocument() {
    }

    StoredDocument(UUID id, NewDocument d, Instant createdAt) {
        this.id = id.toString();
        this.caseId = d.caseId().toString();
        this.clinicId = d.clinicId();
        this.kind = d.kind();
        this.content = d.pdf().bytes();
        this.sha256 = d.pdf().sha256();
        this.pages = d.pdf().pages();
        this.policyId = d.policyId();
        this.policyVersion = d.policyVersion();
        this.templateVersion = d.pdf().templateVersion();
        this.contentVersions = d.contentVersions();
        this.createdBy = d.createdBy();
        this.caseVersion = d.caseVersion();
        this.language = d.language();
        this.createdAt = createdAt;
    }

    DocumentView view() {
        return new DocumentView(UUID.fromString(id), UUID.fromString(caseId), kind, pages, sha256, createdAt,
                policyId, policyVersion, templateVersion, caseVersion, language, contentVersions);
    }

    byte[] content() {
        return content;
    }
}
