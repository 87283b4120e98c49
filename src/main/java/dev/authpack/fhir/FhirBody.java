package dev.authpack.fhir;

import dev.authpack.web.JsonBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded bundle with its own size limit: a bundle carries base64 documents (an exported
 * PAS bundle holds the packet PDF), so the case API's 1 MiB would refuse our own exports.
 */
@Component
class FhirBody {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private final JsonBodyReader reader;
    private final long maxBytes;

    FhirBody(JsonBodyReader reader, @Value("${authpack.fhir.max-bundle-bytes:41943040}") long maxBytes) {
        this.reader = reader;
        this.maxBytes = maxBytes;
    }

    /** The body's bytes: JSON or any {@code +json} type (415 otherwise), at most the limit (413). */
    byte[] read(HttpServletRequest request) throws IOException {
        return reader.readBytes(request, maxBytes, "a FHIR R4 Bundle as application/fhir+json or application/json");
    }
}
