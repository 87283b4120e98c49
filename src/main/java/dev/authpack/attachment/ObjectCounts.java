package dev.authpack.attachment;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many objects an upload asks PDFBox to keep track of, read from its bytes before PDFBox loads it.
 * PDFBox keeps an entry for every object a cross-reference section lists, every object a damaged file's
 * search finds, whether or not it exists: a 31 KB upload whose cross-reference stream listed 3 million
 * objects ran a 512 MiB heap out while loading, before any check of ours (upload-bomb audit, session 25).
 * Counted here, from the file as written: object headers, lines of classic cross-reference tables, and the
 * sizes and ranges cross-reference streams and trailers declare (names written with {@code #xx} escapes
 * read as PDFBox reads them). Counts inside compressed object streams are bounded as they unpack
 * ({@link BoundedDecoding}).
 */
final class ObjectCounts {

    private static final Pattern OBJECT_HEADER = Pattern.compile("\\d+\\s+\\d+\\s+obj\\b");
    private static final Pattern TABLE_LINE = Pattern.compile("(?m)^[ \\t]*\\d+[ \\t]+\\d+[ \\t]+[nf]\\b");
    private static final Pattern ESCAPED_NAME = Pattern.compile("/[^\\s/<>\\[\\]()%{}]*#[0-9A-Fa-f]{2}[^\\s/<>\\[\\]()%{}]*");
    private static final Pattern ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");
    private static final Pattern SIZE = Pattern.compile("/Size(?:\\s|%[^\\r\\n]*)*(\\d+)");
    private static final Pattern INDEX = Pattern.compile("/Index(?:\\s|%[^\\r\\n]*)*\\[([^\\]]*)\\]");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ObjectCounts() {
    }

    /** What makes the upload list more than {@code maxObjects} objects, or null. */
    static String problem(byte[] upload, int maxObjects) {
        String text = new String(upload, StandardCharsets.ISO_8859_1);
        if (count(OBJECT_HEADER, text) > maxObjects) {
            return "has more than " + maxObjects + " objects";
        }
        if (count(TABLE_LINE, text) > maxObjects) {
            return "has a cross-reference table of more than " + maxObjects + " objects";
        }
        String names = text.indexOf('#') < 0 ? text : unescapedNames(text);
        if (largest(SIZE, names) > maxObjects || largestRange(names) > maxObjects) {
            return "declares more than " + maxObjects + " objects";
        }
        return null;
    }

    private static long count(Pattern pattern, String text) {
        return pattern.matcher(text).results().count();
    }

    private static long largest(Pattern pattern, String text) {
        return pattern.matcher(text).results().mapToLong(m -> parse(m.group(1))).max().orElse(0);
    }

    /** The most objects one {@code /Index} array lists: pairs of first object and count. */
    private static long largestRange(String text) {
        long largest = 0;
        Matcher index = INDEX.matcher(text);
        while (index.find()) {
            long listed = 0;
            Matcher n = NUMBER.matcher(index.group(1));
            for (int i = 0; n.find(); i++) {
                if (i % 2 == 1) {
                    listed = Math.min(Long.MAX_VALUE / 2, listed + parse(n.group()));
                }
            }
            largest = Math.max(largest, listed);
        }
        return largest;
    }

    private static long parse(String digits) {
        // more digits than a long holds is more than any limit
        return digits.length() > 18 ? Long.MAX_VALUE / 4 : Long.parseLong(digits);
    }

    private static String unescapedNames(String text) {
        return ESCAPED_NAME.matcher(text).replaceAll(name -> Matcher.quoteReplacement(ESCAPE.matcher(name.group())
                .replaceAll(e -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(e.group(1), 16))))));
    }
}
