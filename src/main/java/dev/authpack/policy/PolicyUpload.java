package dev.authpack.policy;

import java.time.Instant;
import java.time.LocalDate;

/** One policy version an administrator uploaded, as stored: the file's text and who sent it. */
record PolicyUpload(long id, String policyId, String version, LocalDate effectiveFrom, String yaml,
                           String sha256, String uploadedBy, Instant uploadedAt) {
}
