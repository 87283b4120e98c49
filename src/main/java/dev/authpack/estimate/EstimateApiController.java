package dev.authpack.estimate;

import dev.authpack.core.InputException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/cases/{id}/estimate[?lang=es]}: 201 with the document and the figures. */
@RestController
class EstimateApiController {

    private final EstimateService estimates;

    EstimateApiController(EstimateService estimates) {
        this.estimates = estimates;
    }

    @PostMapping("/api/v1/cases/{id}/estimate")
    ResponseEntity<GeneratedEstimate> generate(@PathVariable String id,
                                               @RequestParam(required = false) String lang) {
        GeneratedEstimate generated = estimates.generate(id, locale(lang));
        URI location = URI.create("/api/v1/documents/" + generated.document().id());
        return ResponseEntity.created(location).body(generated);
    }

    /** English unless Spanish is asked for; any other language is a 400 rather than a silent English PDF. */
    static Locale locale(String lang) {
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
