package dev.authpack.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.authpack.casefile.StoredCase;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored document as the API shows it: the contract's {@code {id, caseId, kind, pages, sha256,
 * createdAt}} plus the policy and template versions it was made with, the case version it was made
 * from and its language (both absent for documents made before they were recorded). Its content versions
 * ({@link NewDocument#contentVersions}) tell copies apart ({@link IdenticalCopies}) and are not shown: the PDF
 * prints what a reader needs of them (an estimate's fee schedule), and the API has no use for them yet.
 */
public record DocumentView(UUID id, UUID caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
                           String policyId, String policyVersion, String templateVersion, Long caseVersion,
                           String language, @JsonIgnore String contentVersions) {

    /** A document whose content versions are not recorded. */
    public DocumentView(UUID id, UUID caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
                        String policyId, String policyVersion, String templateVersion, Long caseVersion,
                        String language) {
        this(id, caseId, kind, pages, sha256, createdAt, policyId, policyVersion, templateVersion, caseVersion,
                language, null);
    }

    /**
     * Whether the case changed after this document was made: by version where it was recorded,
     * otherwise by time.
     */
    public boolean madeBefore(long currentCaseVersion, Instant caseUpdatedAt) {
        return caseVersion != null ? caseVersion < currentCaseVersion : createdAt.isBefore(caseUpdatedAt);
    }

    /** As {@link #madeBefore(long, Instant)} for the case as it is stored now: what the pages call outdated. */
    public boolean madeBefore(StoredCase kase) {
        return madeBefore(kase.version(), kase.updatedAt());
    }
}
