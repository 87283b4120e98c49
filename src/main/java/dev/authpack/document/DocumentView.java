package dev.authpack.document;

import dev.authpack.casefile.StoredCase;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored document as the API shows it: the contract's {@code {id, caseId, kind, pages, sha256,
 * createdAt}} plus the policy and template versions it was made with, the case version it was made
 * from and its language (both absent for documents made before they were recorded).
 */
public record DocumentView(UUID id, UUID caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
                           String policyId, String policyVersion, String templateVersion, Long caseVersion,
                           String language) {

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
