package dev.authpack.completeness;

import dev.authpack.casefile.ConcurrentTherapy;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.Treatment;
import dev.authpack.casefile.TrialOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** How reports word numbers, scales and outcomes for a payer's reviewer. */
final class Wording {

    private Wording() {
    }

    static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * A change in percent (negative: the score rose) in words: "12.5 % improvement", "no improvement", "worse by
     * 5 %". A signed "-5 % improvement" read as an improvement once a fax lost the minus.
     */
    static String improvement(BigDecimal pct) {
        return switch (pct.signum()) {
            case 1 -> number(pct) + " % improvement";
            case 0 -> "no improvement";
            default -> "worse by " + number(pct.negate()) + " %";
        };
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    static String instrument(Instrument instrument) {
        return switch (instrument) {
            case PHQ9 -> "PHQ-9";
            case MADRS -> "MADRS";
            case HAMD17 -> "HAM-D17";
            case QIDS_C16 -> "QIDS-C16";
            case BDI2 -> "BDI-II";
        };
    }

    static String outcome(TrialOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String treatment(Treatment treatment) {
        return treatment == Treatment.KETAMINE_IV ? "IV ketamine" : "esketamine";
    }

    static String indication(dev.authpack.casefile.Indication indication) {
        return indication == dev.authpack.casefile.Indication.MDSI
                ? "depressive symptoms with acute suicidal ideation or behaviour (MDSI)"
                : "treatment-resistant depression (TRD)";
    }

    static String specialty(Specialty specialty) {
        return switch (specialty) {
            case PSYCHIATRY -> "psychiatry";
            case PSYCHIATRIC_NP -> "psychiatric nurse practitioner";
            case PRIMARY_CARE -> "primary care";
            case OTHER -> "other";
        };
    }

    /** ECT, TMS, VNS and DBS as clinicians write them; ketamine as a word, as the case form names it. */
    static String therapy(ConcurrentTherapy therapy) {
        return therapy == ConcurrentTherapy.KETAMINE ? "ketamine" : therapy.name();
    }

    static String list(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Days from {@code date} to {@code asOf}: positive when {@code date} lies before it. */
    static long daysBefore(LocalDate date, LocalDate asOf) {
        return ChronoUnit.DAYS.between(date, asOf);
    }

    /** The contract's window: {@code 0 <= asOf - date <= days} (exactly N days counts, N + 1 does not). */
    static boolean within(LocalDate date, LocalDate asOf, int days) {
        long before = daysBefore(date, asOf);
        return before >= 0 && before <= days;
    }

    /** "20 days before 2026-11-30" or "5 days after 2026-11-30", for window evidence. */
    static String distance(LocalDate date, LocalDate asOf) {
        long before = daysBefore(date, asOf);
        if (before >= 0) {
            return count(before, "day", "days") + " before " + asOf;
        }
        return count(-before, "day", "days") + " after " + asOf;
    }
}
