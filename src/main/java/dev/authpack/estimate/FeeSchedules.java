package dev.authpack.estimate;

import dev.authpack.content.TemplatesProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The loaded fee schedules: what a code is charged on a given date. Loaded once, at start-up. */
@Component
class FeeSchedules {

    private final List<FeeSchedule> schedules;

    @Autowired
    FeeSchedules(TemplatesProperties templates) {
        this(templates.dir());
    }

    FeeSchedules(Path templatesDir) {
        this(new FeeScheduleLoader().load(templatesDir.resolve("fee-schedules")));
    }

    FeeSchedules(List<FeeSchedule> schedules) {
        this.schedules = List.copyOf(schedules);
    }

    /** The charge entry for the code on that date; the newest schedule wins where two apply. */
    Optional<FeeEntry> entryOn(String code, LocalDate date) {
        String wanted = normalise(code);
        return schedules.stream()
                .filter(s -> s.appliesOn(date))
                .sorted(Comparator.comparing(FeeSchedule::effectiveFrom).reversed())
                .flatMap(s -> s.entries().stream())
                .filter(e -> e.code().equals(wanted) && e.appliesOn(date))
                .findFirst();
    }

    /** Every dated entry for the code, whatever the date, in any schedule. */
    List<FeeEntry> entries(String code) {
        String wanted = normalise(code);
        return schedules.stream().flatMap(s -> s.entries().stream()).filter(e -> e.code().equals(wanted)).toList();
    }

    /** "clinic-standard 2026.1", for the document footer and the audit trail. */
    String versionsOn(LocalDate date) {
        return String.join(", ", schedules.stream().filter(s -> s.appliesOn(date))
                .map(s -> s.id() + " " + s.version()).toList());
    }

    private static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
