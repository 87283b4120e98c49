package dev.authpack.policyupload;

import java.time.LocalDate;
import java.util.List;

/** The answer to an accepted upload: which version is now in use, its examples, and what it changed. */
record UploadResult(String id, String version, LocalDate effectiveFrom, Examples examples, List<ImpactRow> impact) {

    record Examples(int passed, int failed) {
    }
}
