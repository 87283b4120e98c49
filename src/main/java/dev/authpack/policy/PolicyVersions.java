package dev.authpack.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for which version of a policy is in force, kept apart from where versions come from so the
 * catalog, the impact of an upload and the pages all use it. {@code effectiveFrom} absent means in force from
 * the beginning; the version in force on a date is the one with the latest {@code effectiveFrom} on or before
 * it; among versions with the same {@code effectiveFrom} (both absent, or one date) the one loaded later is in
 * force: shipped files first, then uploads in the order they were stored, which every instance sharing the
 * database sees alike. A list "oldest first" is sorted by {@code effectiveFrom}, ties in load order, so its last
 * version is both the newest and the one in force on the latest date.
 */
public final class PolicyVersions {

    private static final Comparator<Policy> BY_EFFECTIVE_FROM =
            Comparator.comparing(Policy::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder()));

    private PolicyVersions() {
    }

    /** {@code inLoadOrder} oldest first: by {@code effectiveFrom}, undated first; a stable sort keeps ties in load order. */
    public static List<Policy> oldestFirst(List<Policy> inLoadOrder) {
        List<Policy> sorted = new ArrayList<>(inLoadOrder);
        sorted.sort(BY_EFFECTIVE_FROM);
        return List.copyOf(sorted);
    }

    /** {@code oldestFirst} with {@code later} loaded after all of them (an upload being judged). */
    public static List<Policy> adding(List<Policy> oldestFirst, Policy later) {
        List<Policy> all = new ArrayList<>(oldestFirst);
        all.add(later);
        return oldestFirst(all);
    }

    /**
     * Of {@code oldestFirst}, the one in force on {@code asOf}: the last whose {@code effectiveFrom} is absent or
     * on or before it. When {@code asOf} precedes every version, the first (whose criteria then answer that it is
     * not yet in force).
     */
    public static Policy inForce(List<Policy> oldestFirst, LocalDate asOf) {
        Policy chosen = oldestFirst.get(0);
        for (Policy p : oldestFirst) {
            if (p.effectiveFrom() == null || !p.effectiveFrom().isAfter(asOf)) {
                chosen = p;
            }
        }
        return chosen;
    }

    /**
     * The version in force instead of {@code version} on every date it would judge: the last loaded with the same
     * {@code effectiveFrom}; empty when {@code version} is in force on its dates itself.
     */
    public static Optional<Policy> replacedBy(List<Policy> oldestFirst, Policy version) {
        Policy last = version;
        for (Policy p : oldestFirst.subList(oldestFirst.indexOf(version) + 1, oldestFirst.size())) {
            if (Objects.equals(p.effectiveFrom(), version.effectiveFrom())) {
                last = p;
            }
        }
        return last == version ? Optional.empty() : Optional.of(last);
    }
}
