package dev.authpack.core;

import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * A National Provider Identifier: ten digits whose last one is the Luhn check digit computed over
 * the card-issuer prefix 80840 followed by the first nine (CMS NPI standard).
 */
public record Npi(String value) {

    private static final String ISSUER_PREFIX = "80840";

    public Npi {
        if (value == null || !value.matches("\\d{10}")) {
            throw new IllegalArgumentException("must be 10 digits");
        }
        if (!LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(ISSUER_PREFIX + value)) {
            throw new IllegalArgumentException("is not a valid NPI (check digit does not match)");
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
