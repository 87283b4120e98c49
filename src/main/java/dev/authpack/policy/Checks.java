package dev.authpack.policy;

import dev.authpack.core.TypedText;
import java.math.BigDecimal;
import java.util.Collection;

/** Value checks for template records; messages name the YAML key an admin has to fix. */
final class Checks {

    private Checks() {
    }

    static String text(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }

    /**
     * Text that goes into a column of {@code max} characters: typed text only, as a YAML escape such as
     * {@code "\\0"} can write any character. PostgreSQL's text columns cannot hold a NUL at all (a 500 where H2
     * stored it), and the version is printed on every packet.
     */
    static String text(String value, String key, int max) {
        String text = text(value, key);
        if (!TypedText.isTypeable(text)) {
            throw new IllegalArgumentException(key + " " + TypedText.PROBLEM);
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(key + " must be at most " + max + " characters, not " + text.length());
        }
        return text;
    }

    static int range(Integer value, String key, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return optionalRange(value, key, min, max);
    }

    static Integer optionalRange(Integer value, String key, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static void pct(BigDecimal value, String key, int min) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        optionalPct(value, key, min);
    }

    static void optionalPct(BigDecimal value, String key, int min) {
        if (value != null && (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException(key + " must be between " + min + " and 100, not " + value.toPlainString());
        }
    }

    static void flag(Boolean value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is required (true or false)");
        }
    }

    static <C extends Collection<?>> C notEmpty(C values, String key) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(key + " needs at least one entry");
        }
        if (values.contains(null)) {
            throw new IllegalArgumentException(key + " has an empty entry");
        }
        return values;
    }
}
