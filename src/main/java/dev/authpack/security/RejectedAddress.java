package dev.authpack.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall refuses addresses that are not in plain form ({@code //}, a {@code .} or
 * {@code ..} segment, {@code ;jsessionid=} or another {@code ;} parameter, an encoded {@code %}, a
 * header with control characters). Its default answer was a bare 400 from the container's error page
 * that said only "The request could not be processed" and, written outside the security filters,
 * carried none of the security headers. Here it says what kind of thing was wrong, without echoing
 * it (the firewall's own message quotes the header value, which may be anything).
 */
@Component
class RejectedAddress implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String why = rejected.getMessage() == null ? "" : rejected.getMessage().toLowerCase(Locale.ROOT);
        String detail;
        if (why.contains("header")) {
            detail = "A header's name or value holds characters a header may not hold (control characters, "
                    + "or bytes that are not text).";
        } else if (why.contains("parameter")) {
            detail = "A parameter's name or value holds characters it may not hold (control characters).";
        } else if (why.contains("method")) {
            detail = "This method is not one the service answers.";
        } else {
            detail = "The URL's path is not in plain form: a double slash, a . or .. segment, a ; parameter "
                    + "(such as ;jsessionid=), or an encoded %, slash, backslash or period. "
                    + "Send the address as the service gave it.";
        }
        BadRequestAnswer.write(request, response, detail, "The address could not be read.");
    }
}
