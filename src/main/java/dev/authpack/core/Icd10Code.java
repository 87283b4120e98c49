package dev.authpack.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ICD-10-CM diagnosis code in its dotted form ({@code F33.2}). Clinics type codes every which way
 * ({@code f332}, {@code F33.2 }), so input is normalised to the form payers print.
 */
public record Icd10Code(String value) {

    // letter, digit, alphanumeric category; then up to four more characters after the (optional) dot
    private static final Pattern SHAPE = Pattern.compile("([A-Z][0-9][0-9A-Z])\\.?([0-9A-Z]{0,4})");

    public Icd10Code {
        if (value == null || !SHAPE.matcher(value).matches() || !value.equals(normalise(value))) {
            throw new IllegalArgumentException("must look like an ICD-10-CM code such as F33.2");
        }
    }

    public static Icd10Code of(String text) {
        String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(upper);
        if (!m.matches()) {
            throw new IllegalArgumentException("must look like an ICD-10-CM code such as F33.2");
        }
        return new Icd10Code(normalise(upper));
    }

    private static String normalise(String upper) {
        Matcher m = SHAPE.matcher(upper);
        if (!m.matches()) {
            return upper;
        }
        return m.group(2).isEmpty() ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
