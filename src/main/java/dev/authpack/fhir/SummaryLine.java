package dev.authpack.fhir;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the import summary as the case form shows it: the same words as the API's mapped or ignored
 * string, cut where a case field is named, so the page can name that field by its label and link to its
 * input. The API keeps the strings (the contract); this is only the page's view of them. Serializable: it
 * reaches the form in a flash attribute, which lives in the database-backed session.
 */
record SummaryLine(List<Part> parts) implements Serializable {

    SummaryLine {
        parts = List.copyOf(parts);
    }

    static SummaryLine text(String text) {
        return new SummaryLine(List.of(Part.text(text)));
    }

    /** The line as the API says it: what the page shows when a part names no field. */
    String plain() {
        return parts.stream().map(Part::plain).reduce("", String::concat);
    }

    /**
     * Text, or a case field ({@code prescriber.npi}, a row {@code medicationTrials[0]}); {@code linked} is false
     * when the field is no longer on the form (a list element taken out again).
     */
    record Part(String text, String field, boolean linked) implements Serializable {

        private static final Pattern ROW = Pattern.compile("^(.+)\\[(\\d+)]$");

        static Part text(String text) {
            return new Part(text, null, false);
        }

        static Part field(String path, boolean linked) {
            return new Part(path, path, linked);
        }

        String plain() {
            return text;
        }

        /** The list a row path is in ({@code medicationTrials}), for the row's title; null for any other part. */
        public String rowList() {
            Matcher m = field == null ? null : ROW.matcher(field);
            return m != null && m.matches() ? m.group(1) : null;
        }

        /** The row's number as the form counts them, from 1. */
        public int rowNumber() {
            Matcher m = field == null ? null : ROW.matcher(field);
            return m != null && m.matches() ? Integer.parseInt(m.group(2)) + 1 : 0;
        }
    }

    /** Builds a line part by part. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        Builder text(String text) {
            if (!text.isEmpty()) {
                parts.add(Part.text(text));
            }
            return this;
        }

        Builder field(String path, boolean linked) {
            parts.add(Part.field(path, linked));
            return this;
        }

        SummaryLine build() {
            return new SummaryLine(parts);
        }
    }
}
