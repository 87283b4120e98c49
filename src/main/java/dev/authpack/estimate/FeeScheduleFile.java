package dev.authpack.estimate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The YAML shape of a fee schedule file, as written; {@link FeeScheduleLoader} checks it. */
record FeeScheduleFile(String id, String version, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                       List<Entry> entries) {

    record Entry(String code, String description, BigDecimal charge, LocalDate effectiveFrom,
                 LocalDate effectiveTo, String replacedBy) {
    }
}
