package dev.authpack.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Whether a request's {@code Accept} header lets an answer be written as one of the given types. */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * True when there is no {@code Accept} header, or one of its ranges with a quality above 0 takes one of
     * {@code served}; false for a header that does not parse (it names nothing the answer could be).
     */
    public static boolean allows(HttpServletRequest request, List<MediaType> served) {
        String header = String.join(",", Collections.list(request.getHeaders("Accept")));
        if (header.isBlank()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(header);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        // "q=0" says: not this one
        return accepted.stream().filter(a -> a.getQualityValue() > 0)
                .anyMatch(a -> served.stream().anyMatch(a::isCompatibleWith));
    }
}
