package dev.authpack.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long an approval lasts, written as admins say it: {@code 28 days}, {@code 6 months}, {@code 1 year}. */
public record ApprovalPeriod(int amount, Unit unit) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\s+(day|week|month|year)s?");

    public enum Unit { DAY, WEEK, MONTH, YEAR }

    public ApprovalPeriod {
        if (amount < 1 || unit == null) {
            throw new IllegalArgumentException("approval must be a positive amount of days, weeks, months or years");
        }
    }

    @JsonCreator
    public static ApprovalPeriod parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("approval '" + text + "' must read like '28 days' or '6 months'");
        }
        return new ApprovalPeriod(Integer.parseInt(m.group(1)), Unit.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
    }

    @JsonValue
    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(Locale.ROOT) + (amount == 1 ? "" : "s");
    }
}
