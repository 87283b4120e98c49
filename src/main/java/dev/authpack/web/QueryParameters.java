package dev.authpack.web;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Rules every API list's query parameters share, whichever feature answers the list. */
public final class QueryParameters {

    /** A whole number as a client writes one, as Integer.parseInt takes it: digits, perhaps a plus sign. */
    private static final Pattern WHOLE = Pattern.compile("\\+?[0-9]+");

    private QueryParameters() {
    }

    /**
     * Whether {@code value} is a whole number of 0 or more, however large: one past what an int holds
     * (99999999999) is still a number, not to be refused as none.
     */
    public static boolean isWholeNumber(String value) {
        return value != null && WHOLE.matcher(value.strip()).matches();
    }

    /**
     * Each of these query parameters takes one value. Given twice ({@code ?status=DRAFT&status=READY},
     * {@code ?limit=5&limit=5}) a {@code String} parameter arrives joined with a comma and was refused as a value
     * it is not ("must be one of: DRAFT, READY", "must be a whole number"): it is named as sent twice instead.
     */
    public static void givenOnce(HttpServletRequest request, String... names) {
        List<FieldProblem> problems = Arrays.stream(names)
                .filter(name -> request.getParameterValues(name) != null && request.getParameterValues(name).length > 1)
                .map(name -> new FieldProblem(name, "was sent " + request.getParameterValues(name).length
                        + " times: send " + name + " once"))
                .toList();
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }
}
