package dev.authpack.fhir;

import dev.authpack.web.AcceptHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What the FHIR endpoints answer to {@code Accept} (and FHIR's {@code _format}, which overrides it): they
 * serve JSON only, so a client that can take no JSON gets 406 instead of a body it did not ask for. (The
 * import, a write, is checked before it runs by the API's own {@code AcceptCheckedBeforeWrites}.)
 */
final class FhirAccept {

    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json");

    private FhirAccept() {
    }

    /** The PAS bundle: FHIR JSON, which application/fhir+json, application/json and wildcards take. */
    static void fhirJson(HttpServletRequest request) {
        String format = request.getParameter("_format");
        if (format != null && !JSON_FORMATS.contains(format.strip().toLowerCase(Locale.ROOT))) {
            throw refused("Only FHIR JSON is served: _format must be json (or application/fhir+json), not "
                    + quoted(format) + ".");
        }
        if (format == null && !accepts(request, FhirBody.FHIR_JSON, MediaType.APPLICATION_JSON)) {
            throw refused("Only FHIR JSON is served: accept application/fhir+json or application/json (or leave "
                    + "Accept out); XML and other formats are not.");
        }
    }

    private static boolean accepts(HttpServletRequest request, MediaType... served) {
        return AcceptHeader.allows(request, List.of(served));
    }

    private static String quoted(String value) {
        String v = value.strip();
        return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
    }

    private static ErrorResponseException refused(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, detail);
        p.setTitle("Not acceptable");
        return new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, p, null);
    }
}
