package dev.authpack.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case and document a refused request's path names, for its audit row: the row of a request
 * that was not served still says what was asked for, whatever page or API path asked.
 */
record RequestedIds(String caseId, String documentId) {

    private static final String UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final Pattern CASE = Pattern.compile("/cases/" + UUID + "(?:/|$)");
    private static final Pattern DOCUMENT = Pattern.compile("/documents/" + UUID + "(?:/|$)");

    static RequestedIds in(String path) {
        return new RequestedIds(id(CASE, path), id(DOCUMENT, path));
    }

    private static String id(Pattern p, String path) {
        Matcher m = p.matcher(path);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
