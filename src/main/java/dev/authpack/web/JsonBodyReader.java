package dev.authpack.web;

import dev.authpack.core.InputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body into a tree with a hard size limit (the contract's 1 MiB) and strict
 * parsing: duplicate members, trailing garbage, NaN and invalid UTF-8 are all 400s, never guesses.
 * Numbers keep their exact decimal form, as money must.
 */
@Component
public class JsonBodyReader {

    private final int maxBytes;
    private final JsonMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    JsonBodyReader(@Value("${authpack.api.max-json-bytes:1048576}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body as a JSON tree. Content type is checked here rather than with {@code consumes}, so
     * that a 415 is answered by the API's problem handler like every other error.
     */
    public JsonNode read(HttpServletRequest request) throws IOException {
        return read(request, "the case as application/json");
    }

    /**
     * As {@link #read(HttpServletRequest)} for a body that is not a case: {@code expected} completes the 415's
     * "Send …" (an event sent as text/plain was told to send the case).
     */
    public JsonNode read(HttpServletRequest request, String expected) throws IOException {
        if (!isJson(request.getContentType())) {
            throw new UnsupportedMediaTypeException(request.getContentType(), expected);
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes, request.getContentLengthLong());
        try {
            return strict.readTree(body);
        } catch (StreamConstraintsException e) {
            // valid JSON, but beyond what the parser takes: "not valid JSON (unreadable)" was untrue and named nothing
            throw new InputException(List.of(JsonPaths.beyondLimits(strict, body, e)));
        } catch (JacksonException e) {
            throw JsonPaths.duplicate(e).map(p -> new InputException(List.of(p)))
                    .orElseGet(() -> new InputException("", "the body is not valid JSON (" + where(e) + ")"));
        }
    }

    /**
     * The raw bytes of a JSON-typed body (any {@code +json} type) with a caller's own limit, for
     * bodies that are not a case and may be larger (a FHIR bundle carries base64 documents).
     * {@code expected} completes the 415 message: "Send {expected}, not text/plain."
     */
    public byte[] readBytes(HttpServletRequest request, long limit, String expected) throws IOException {
        if (!isJson(request.getContentType())) {
            throw new UnsupportedMediaTypeException(request.getContentType(), expected);
        }
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
        return readAtMost(request.getInputStream(), limit, request.getContentLengthLong());
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            // a body's type is what it is, not a pattern: */* and application/* are "compatible" with JSON but
            // name no type, and the contract makes every type other than JSON a 415. application/*+json is left
            // to the +json rule below: it is how the contract itself writes the JSON types it takes
            if (type.isWildcardType() || "*".equals(type.getSubtype())) {
                return false;
            }
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * Sized from the declared length when there is one: growing by doubling held up to twice a 40 MB
     * bundle, plus the final copy, while it was read (the heap budget counts on one copy).
     */
    private static byte[] readAtMost(InputStream in, long limit, long declared) throws IOException {
        if (declared >= 0 && declared <= limit && declared < Integer.MAX_VALUE - 8) {
            return in.readNBytes((int) declared); // the container ends the stream at the declared length
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
        return out.toByteArray();
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "unreadable" : "line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
    }
}
