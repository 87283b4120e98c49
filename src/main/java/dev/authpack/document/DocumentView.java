package dev.authpack.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document as the API shows it: the contract's {@code {id, caseId, kind, pages, sha256,
 * createdAt}} plus the policy and template versions it was made with.
 */
public record DocumentView(UUID id, UUID caseId, DocumentKind kind, int pages, String sha256, Instant createdAt,
                           String policyId, String policyVersion, String templateVersion) {
}
