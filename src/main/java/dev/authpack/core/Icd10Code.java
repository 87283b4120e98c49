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
        Matcher m = value == null ? null : SHAPE.matcher(value);
        if (m == null || !m.matches() || !value.equals(dotted(m))) {
            throw new IllegalArgumentException("must look like an ICD-10-CM code such as F33.2");
        }
    }

    public static Icd10Code of(String text) {
        String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(upper);
        if (!m.matches()) {
            throw new IllegalArgumentException("must look like an ICD-10-CM code such as F33.2");
        }
        return new Icd10Code(dotted(m));
    }

    /** The form payers print, from a matcher that has matched {@link #SHAPE}. */
    private static String dotted(Matcher matched) {
        return matched.group(2).isEmpty() ? matched.group(1) : matched.group(1) + "." + matched.group(2);
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
