package dev.authpack.estimate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The YAML shape of a fee schedule file, as written; {@link FeeScheduleLoader} checks it. */
record FeeScheduleFile(String id, String version, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                       List<Entry> entries) {

    /** {@code descriptionEs} is optional: the Spanish wording a Spanish estimate prints for the line. */
    record Entry(String code, String description, String descriptionEs, BigDecimal charge, LocalDate effectiveFrom,
                 LocalDate effectiveTo, String replacedBy) {

        static final String EMPTY_SPANISH =
                "descriptionEs is empty: write the Spanish description or leave the key out";

        Entry {
            if (descriptionEs != null && descriptionEs.isBlank()) {
                // checked while binding, so the reader names the key and its line; an empty text
                // would print a line without words to a Spanish reader: leave the key out instead
                throw new IllegalArgumentException(EMPTY_SPANISH);
            }
            descriptionEs = descriptionEs == null ? null : descriptionEs.strip();
        }
    }
}
