package dev.authpack.casefile;

import java.util.Locale;

/**
 * The patient's name as the case's documents are searched by it: lower-cased here, in Java, never by the
 * database, whose {@code lower()} follows its locale (H2 lower-cases as Java does; PostgreSQL in the C
 * locale leaves non-ASCII letters alone, glibc folds "İ" to "i"), so that a typed name finds the same cases
 * on every database. Stored beside the name on every save ({@code cases.patient_name_key}, V124).
 */
public final class PatientNameKey {

    private PatientNameKey() {
    }

    /** The key of {@code text} (a stored name, or the text a clerk typed); null stays null. */
    public static String of(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
