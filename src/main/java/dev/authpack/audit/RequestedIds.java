package dev.authpack.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case and document a refused request's path names, for its audit row: the row of a request
 * that was not served still says what was asked for, whatever page or API path asked. An attachment
 * asked for goes where {@code ATTACHMENT_OPENED} puts it, in {@code documentId}, with
 * {@code attachment} set so that the row can say it is one: without it, asking under one's own case
 * for another clinic's attachment was recorded as a request for one's own case alone.
 */
record RequestedIds(String caseId, String documentId, boolean attachment) {

    /** The {@code detail} of a refused request's row that names an attachment. */
    static final String ATTACHMENT_DETAIL = "attachment";

    private static final String UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final Pattern CASE = Pattern.compile("/cases/" + UUID + "(?:/|$)");
    private static final Pattern DOCUMENT = Pattern.compile("/documents/" + UUID + "(?:/|$)");
    private static final Pattern ATTACHMENT = Pattern.compile("/cases/" + UUID + "/attachments/" + UUID + "(?:/|$)");

    static final RequestedIds NONE = new RequestedIds(null, null, false);

    static RequestedIds in(String path) {
        String document = id(DOCUMENT, path, 1);
        String attachment = document == null ? id(ATTACHMENT, path, 2) : null;
        return new RequestedIds(id(CASE, path, 1), document != null ? document : attachment, attachment != null);
    }

    /** What the row's {@code detail} says of the request: that it named an attachment, or nothing. */
    String detail() {
        return attachment ? ATTACHMENT_DETAIL : null;
    }

    private static String id(Pattern p, String path, int group) {
        Matcher m = p.matcher(path);
        return m.find() ? m.group(group).toLowerCase(Locale.ROOT) : null;
    }
}
