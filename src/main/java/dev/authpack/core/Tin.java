package dev.authpack.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** A taxpayer identification number (EIN): nine digits, written {@code 12-3456789}. */
public record Tin(String value) {

    public Tin {
        if (value == null || !value.matches("\\d{2}-\\d{7}")) {
            throw new IllegalArgumentException("must be 9 digits, written 12-3456789 or 123456789");
        }
    }

    public static Tin of(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{9}")) {
            t = t.substring(0, 2) + "-" + t.substring(2);
        }
        return new Tin(t);
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
