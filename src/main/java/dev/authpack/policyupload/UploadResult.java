package dev.authpack.policyupload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an accepted upload: which version is now in use, its examples, and what it changed.
 * {@code effectiveFrom} is written as null for a version without one (in force from the beginning), not left
 * out: the contract names the member.
 */
record UploadResult(String id, String version, @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate effectiveFrom,
                    Examples examples, List<ImpactRow> impact) {

    record Examples(int passed, int failed) {
    }
}
