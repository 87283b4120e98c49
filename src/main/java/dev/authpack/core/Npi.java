package dev.authpack.core;

import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * A National Provider Identifier: ten digits whose last one is the Luhn check digit computed over
 * the card-issuer prefix 80840 followed by the first nine (CMS NPI standard).
 */
public record Npi(String value) {

    private static final String ISSUER_PREFIX = "80840";
    /** The two refusals, in the API's words; pages recognise them by these constants and word them for a clerk. */
    public static final String DIGITS_PROBLEM = "must be 10 digits";
    public static final String CHECK_PROBLEM = "is not a valid NPI (check digit does not match)";

    public Npi {
        if (value == null || !value.matches("\\d{10}")) {
            throw new IllegalArgumentException(DIGITS_PROBLEM);
        }
        if (!LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(ISSUER_PREFIX + value)) {
            throw new IllegalArgumentException(CHECK_PROBLEM);
        }
    }

    public static Npi of(String text) {
        return new Npi(text == null ? null : text.strip());
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
