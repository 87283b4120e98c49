package dev.authpack.estimate;

import dev.authpack.core.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks every {@code *.yaml} in a fee-schedule folder. Any fault stops start-up with the
 * file's path, so a typo in a price never reaches a patient's estimate.
 */
final class FeeScheduleLoader {

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    List<FeeSchedule> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("fee schedule folder " + folder.toAbsolutePath() + " does not exist");
        }
        List<FeeSchedule> schedules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : yamlFiles(folder)) {
            FeeSchedule schedule = read(file);
            if (!ids.add(schedule.id())) {
                throw invalid(file, "id " + schedule.id() + " is used by another fee schedule");
            }
            schedules.add(schedule);
        }
        if (schedules.isEmpty()) {
            throw new IllegalStateException("no fee schedule (*.yaml) in " + folder.toAbsolutePath());
        }
        return List.copyOf(schedules);
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list fee schedules in " + folder.toAbsolutePath(), e);
        }
    }

    private FeeSchedule read(Path file) {
        FeeScheduleFile raw;
        try {
            raw = yaml.readValue(file.toFile(), FeeScheduleFile.class);
        } catch (JacksonException e) {
            throw invalid(file, e.getOriginalMessage());
        }
        if (raw == null) {
            throw invalid(file, "the file is empty");
        }
        require(file, !blank(raw.id()), "id is required");
        require(file, !blank(raw.version()), "version is required");
        require(file, raw.effectiveFrom() != null, "effectiveFrom is required");
        require(file, inOrder(raw.effectiveFrom(), raw.effectiveTo()), "effectiveTo is before effectiveFrom");
        require(file, raw.entries() != null && !raw.entries().isEmpty(), "entries must list at least one code");
        List<FeeEntry> entries = new ArrayList<>();
        for (int i = 0; i < raw.entries().size(); i++) {
            entries.add(entry(file, "entries[" + i + "]", raw.entries().get(i), entries));
        }
        return new FeeSchedule(raw.id(), raw.version(), raw.name(), raw.effectiveFrom(), raw.effectiveTo(),
                List.copyOf(entries));
    }

    private static FeeEntry entry(Path file, String at, FeeScheduleFile.Entry e, List<FeeEntry> earlier) {
        require(file, e != null, at + " is empty");
        require(file, !blank(e.code()), at + ".code is required");
        require(file, e.charge() != null && e.charge().signum() >= 0, at + ".charge must be an amount >= 0");
        require(file, e.charge().stripTrailingZeros().scale() <= 2, at + ".charge has more than 2 decimals");
        require(file, e.effectiveFrom() != null, at + ".effectiveFrom is required");
        require(file, inOrder(e.effectiveFrom(), e.effectiveTo()), at + ".effectiveTo is before effectiveFrom");
        FeeEntry entry = new FeeEntry(e.code().strip().toUpperCase(Locale.ROOT), e.description(),
                Money.of(e.charge()), e.effectiveFrom(), e.effectiveTo(),
                blank(e.replacedBy()) ? null : e.replacedBy().strip().toUpperCase(Locale.ROOT));
        for (FeeEntry other : earlier) {
            require(file, !other.code().equals(entry.code()) || !overlap(other, entry),
                    at + " gives " + entry.code() + " a second charge for dates it already has one");
        }
        return entry;
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

    private static IllegalStateException invalid(Path file, String problem) {
        return new IllegalStateException("invalid fee schedule " + file.toAbsolutePath() + ": " + problem);
    }
}
