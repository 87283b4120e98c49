package dev.authpack.estimate;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateException.Problem;
import dev.authpack.content.YamlTemplates;
import dev.authpack.core.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and checks every {@code *.yaml} in a fee-schedule folder. Any fault stops start-up with the
 * file's path, so a typo in a price never reaches a patient's estimate. Files are read by the one
 * strict YAML reader of {@code templates/} (line numbers, duplicate keys, unknown keys).
 */
final class FeeScheduleLoader {

    List<FeeSchedule> load(Path folder) {
        List<FeeSchedule> schedules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : YamlTemplates.files(folder.toAbsolutePath())) {
            FeeSchedule schedule = read(file);
            if (!ids.add(schedule.id())) {
                throw invalid(file, "id " + schedule.id() + " is used by another fee schedule");
            }
            schedules.add(schedule);
        }
        if (schedules.isEmpty()) {
            throw new TemplateException(folder.toAbsolutePath(), "no fee schedule (*.yaml)");
        }
        return List.copyOf(schedules);
    }

    private FeeSchedule read(Path file) {
        YamlTemplates.Parsed<FeeScheduleFile> parsed;
        try {
            parsed = YamlTemplates.parse(file.toAbsolutePath(), FeeScheduleFile.class, null);
        } catch (TemplateException e) {
            throw new TemplateException(e.file(), "not a valid fee schedule: " + e.problem(), e);
        }
        FeeScheduleFile raw = parsed.value();
        require(file, !blank(raw.id()), "id is required");
        require(file, !blank(raw.version()), "version is required");
        require(file, raw.effectiveFrom() != null, "effectiveFrom is required");
        require(file, inOrder(raw.effectiveFrom(), raw.effectiveTo()), "effectiveTo is before effectiveFrom");
        require(file, raw.entries() != null && !raw.entries().isEmpty(), "entries must list at least one code");
        List<FeeEntry> entries = new ArrayList<>();
        for (int i = 0; i < raw.entries().size(); i++) {
            entries.add(entry(file, parsed, "entries[" + i + "]", raw.entries().get(i), entries));
            requireSpanishWritten(file, parsed, "entries[" + i + "].descriptionEs");
        }
        return new FeeSchedule(raw.id(), raw.version(), raw.name(), raw.effectiveFrom(), raw.effectiveTo(),
                List.copyOf(entries));
    }

    /** Each problem of an entry with the line of the key it is about (or of the entry, for a key left out). */
    private static FeeEntry entry(Path file, YamlTemplates.Parsed<FeeScheduleFile> parsed, String at,
                                  FeeScheduleFile.Entry e, List<FeeEntry> earlier) {
        requireAt(file, parsed, at, e != null, at + " is empty");
        requireAt(file, parsed, at + ".code", !blank(e.code()), at + ".code is required");
        requireAt(file, parsed, at + ".charge", e.charge() != null && e.charge().signum() >= 0,
                at + ".charge must be an amount >= 0");
        requireAt(file, parsed, at + ".charge", e.charge().stripTrailingZeros().scale() <= 2,
                at + ".charge has more than 2 decimals");
        requireAt(file, parsed, at + ".effectiveFrom", e.effectiveFrom() != null, at + ".effectiveFrom is required");
        requireAt(file, parsed, at + ".effectiveTo", inOrder(e.effectiveFrom(), e.effectiveTo()),
                at + ".effectiveTo is before effectiveFrom");
        // else the English estimate would print the line without words while the Spanish one has them
        requireAt(file, parsed, at + ".descriptionEs", e.descriptionEs() == null || !blank(e.description()),
                at + ".descriptionEs has no English description beside it: write description too");
        FeeEntry entry = new FeeEntry(e.code().strip().toUpperCase(Locale.ROOT), e.description(),
                e.descriptionEs(), Money.of(e.charge()), e.effectiveFrom(), e.effectiveTo(),
                blank(e.replacedBy()) ? null : e.replacedBy().strip().toUpperCase(Locale.ROOT));
        for (FeeEntry other : earlier) {
            requireAt(file, parsed, at, !other.code().equals(entry.code()) || !overlap(other, entry),
                    at + " gives " + entry.code() + " a second charge for dates it already has one");
        }
        return entry;
    }

    /**
     * {@code descriptionEs:} with nothing after it binds as null, as if left out; it is as empty as
     * {@code descriptionEs: ""} (which {@link FeeScheduleFile.Entry} refuses while binding), so it is
     * refused the same way, with its key and line.
     */
    private static void requireSpanishWritten(Path file, YamlTemplates.Parsed<FeeScheduleFile> parsed, String key) {
        if (parsed.has(key) && parsed.text(key) == null) {
            Problem empty = new Problem(key, FeeScheduleFile.Entry.EMPTY_SPANISH, parsed.line(key));
            throw invalid(file, "not a valid fee schedule: " + empty.describe());
        }
    }

    private static boolean overlap(FeeEntry a, FeeEntry b) {
        return inOrder(a.effectiveFrom(), b.effectiveTo()) && inOrder(b.effectiveFrom(), a.effectiveTo());
    }

    private static boolean inOrder(LocalDate from, LocalDate to) {
        return to == null || !to.isBefore(from);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(Path file, boolean ok, String problem) {
        if (!ok) {
            throw invalid(file, problem);
        }
    }

    private static void requireAt(Path file, YamlTemplates.Parsed<FeeScheduleFile> parsed, String key, boolean ok,
                                  String problem) {
        if (!ok) {
            throw new TemplateException(file.toAbsolutePath(), List.of(new Problem("", problem, parsed.line(key))));
        }
    }

    private static TemplateException invalid(Path file, String problem) {
        return new TemplateException(file.toAbsolutePath(), problem);
    }
}
