package dev.authpack.desk;

import dev.authpack.core.InputException;
import dev.authpack.web.QueryParameters;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of an API list ({@code ?limit=&offset=}): without a limit the whole list, as the contract
 * has it; with one, that many items from the offset, and the link to the next page while any are left.
 */
record ApiListPage(Integer limit, int offset) {

    static final int MAX_LIMIT = 1000;

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
            if (max == Integer.MAX_VALUE && QueryParameters.isWholeNumber(value)) {
                return max;
            }
            throw new InputException(field, message);
        }
    }
}
