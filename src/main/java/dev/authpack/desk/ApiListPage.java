package dev.authpack.desk;

import dev.authpack.core.InputException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of an API list ({@code ?limit=&offset=}): without a limit the whole list, as the contract
 * has it; with one, that many items from the offset, and the link to the next page while any are left.
 */
record ApiListPage(Integer limit, int offset) {

    static final int MAX_LIMIT = 1000;
    /** A whole number as a client writes one, as Integer.parseInt takes it: digits, perhaps a plus sign. */
    private static final Pattern WHOLE = Pattern.compile("\\+?[0-9]+");

    static ApiListPage parse(String limit, String offset) {
        return new ApiListPage(limit == null || limit.isBlank() ? null : whole("limit", limit, 1, MAX_LIMIT),
                offset == null || offset.isBlank() ? 0 : whole("offset", offset, 0, Integer.MAX_VALUE));
    }

    <T> List<T> of(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = limit == null ? all.size() : (int) Math.min((long) from + limit, all.size());
        return all.subList(from, to);
    }

    /** The next page's path and query (the request's own, with the offset moved on), or null on the last page. */
    String next(String path, String query, int total) {
        // in long: near the largest offset the int sum turned negative, and a page past the end linked to a
        // "next" page at a negative offset, which is refused
        if (limit == null || (long) offset + limit >= total) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query))
                .replaceQueryParam("offset", offset + limit).replaceQueryParam("limit", limit).build().toUriString();
    }

    private static int whole(String field, String value, int min, int max) {
        String message = max == Integer.MAX_VALUE ? "must be a whole number, " + min + " or more"
                : "must be a whole number from " + min + " to " + max;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new InputException(field, message);
            }
            return n;
        } catch (NumberFormatException e) {
            // digits past an int's range are still a whole number: refused as none, an offset that large said
            // "must be a whole number, 0 or more"; it is past the end of any list
            if (max == Integer.MAX_VALUE && WHOLE.matcher(value.strip()).matches()) {
                return max;
            }
            throw new InputException(field, message);
        }
    }
}
