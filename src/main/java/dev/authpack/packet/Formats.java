package dev.authpack.packet;

import dev.authpack.core.Weeks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How the packet writes values: ISO dates, plain numbers, whole weeks. Null in, null out. */
final class Formats {

    private Formats() {
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    static String percent(BigDecimal value) {
        return value == null ? null : number(value) + " %";
    }

    /** A signed improvement in percent (negative: worse) as a {@link PacketView.Change}; null in, null out. */
    static PacketView.Change change(BigDecimal improvementPct) {
        if (improvementPct == null) {
            return null;
        }
        String direction = switch (improvementPct.signum()) {
            case 1 -> "better";
            case 0 -> "same";
            default -> "worse";
        };
        return new PacketView.Change(number(improvementPct.abs()), direction);
    }

    /** Whole weeks ({@link Weeks}) from start to end, or to {@code openEnd} for a course still running. */
    static String weeks(LocalDate start, LocalDate end, LocalDate openEnd) {
        Long weeks = Weeks.between(start, end != null ? end : openEnd);
        return weeks == null ? null : weeks.toString();
    }

    /** {@code part / whole} as a percentage with one decimal, for CSS widths and heights. */
    static String share(long part, long whole) {
        if (whole <= 0) {
            return "0";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).toPlainString();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
