package dev.authpack.estimate;

import dev.authpack.core.InputException;
import java.util.Locale;

/** The {@code lang} of an estimate, for the API and the case page alike. */
final class EstimateLanguage {

    private EstimateLanguage() {
    }

    /** English unless Spanish is asked for; any other language is a 400 rather than a silent English PDF. */
    static Locale of(String lang) {
        if (lang == null || lang.isBlank()) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(lang.strip()).getLanguage();
        return switch (language) {
            case "en" -> Locale.ENGLISH;
            case "es" -> Locale.forLanguageTag("es");
            default -> throw new InputException("lang", "must be en or es");
        };
    }
}
