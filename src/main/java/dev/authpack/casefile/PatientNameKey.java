package dev.authpack.casefile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The patient's name as clerks find and sort it: lower-cased and without accents, so that "alvarez" finds
 * "ÁLVAREZ", "strauss" finds "Strauß" and "Álvarez" sorts among the A's, as a clerk typing on an English
 * keyboard expects. Worked out here, in Java, never by the database, whose {@code lower()} follows its
 * locale (PostgreSQL in the C locale leaves non-ASCII letters alone), so that a typed name finds the same
 * cases on every database. Stored beside the name on every save ({@code cases.patient_name_key}, V124,
 * refilled by V126 when the accents went), which Recent documents searched until it found patients by
 * {@link PatientSearch}; still written for an older release sharing the database during an upgrade. Lists
 * sorted by patient compare these keys, worked out once per row ({@link PatientSortKey}).
 */
public final class PatientNameKey {

    /**
     * The combining accents of Latin, Greek and Cyrillic letters only: marks of other scripts (Devanagari's
     * vowel signs, Hebrew points) are part of how the name is spelt, and stay.
     */
    private static final Pattern ACCENTS = Pattern.compile("[\\u0300-\\u036f]");

    private PatientNameKey() {
    }

    /** The key of {@code text} (a stored name, or the text a clerk typed); null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        String bare = ACCENTS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder key = new StringBuilder(bare.length());
        bare.codePoints().forEach(c -> key.append(withoutStroke(c)));
        return Normalizer.normalize(key, Normalizer.Form.NFC);
    }

    /** Letters whose mark is drawn into them and so does not come off by decomposition. */
    private static String withoutStroke(int c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            case 'ς' -> "σ";
            default -> Character.toString(c);
        };
    }
}
