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

    private static final Pattern OBJECT_HEADER = Pattern.compile("(?<!\\d)\\d++\\s++\\d++\\s++obj\\b");
    private static final Pattern TABLE_LINE = Pattern.compile("(?m)^[ \\t]*+\\d++[ \\t]++\\d++[ \\t]++[nf]\\b");
    private static final Pattern ESCAPED_NAME = Pattern.compile("/[^\\s/<>\\[\\]()%{}]*#[0-9A-Fa-f]{2}[^\\s/<>\\[\\]()%{}]*");
    private static final Pattern ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");
    private static final Pattern NUMBER = Pattern.compile("\\d++");
    // every quantifier is possessive and a number starts where digits start: an upload of "%%%%…" or of a
    // million digits must not make the matcher try every way of splitting it (work grows with the file, no faster)

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
        if (largestAfter("/Size", names) > maxObjects || largestRange(names) > maxObjects) {
            return "declares more than " + maxObjects + " objects";
        }
        return null;
    }

    private static long count(Pattern pattern, String text) {
        return pattern.matcher(text).results().count();
    }

    /** The largest number written after {@code key} (white space and comments between them skipped). */
    private static long largestAfter(String key, String text) {
        long largest = 0;
        int from = 0;
        for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, Math.max(at + 1, from))) {
            int start = skipBlanks(text, at + key.length());
            // a key inside the comment just skipped is part of that comment: the next search starts past it
            from = start;
            int end = start;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end > start) {
                largest = Math.max(largest, parse(text.substring(start, end)));
            }
        }
        return largest;
    }

    /** The most objects one {@code /Index} array lists: pairs of first object and count. */
    private static long largestRange(String text) {
        long largest = 0;
        int from = 0;
        for (int at = text.indexOf("/Index"); at >= 0; at = text.indexOf("/Index", Math.max(at + 1, from))) {
            int open = skipBlanks(text, at + "/Index".length());
            from = open;
            if (open >= text.length() || text.charAt(open) != '[') {
                continue;
            }
            int close = text.indexOf(']', open);
            if (close < 0) {
                // no array is closed after this point, so no later /Index lists anything either
                break;
            }
            from = close;
            long listed = 0;
            Matcher n = NUMBER.matcher(text).region(open + 1, close);
            for (int i = 0; n.find(); i++) {
                if ((i & 1) == 1) {
                    listed = Math.min(Long.MAX_VALUE / 2, listed + parse(n.group()));
                }
            }
            largest = Math.max(largest, listed);
        }
        return largest;
    }

    /** Past white space and comments (a comment runs to the end of its line), as PDFBox reads them. */
    private static int skipBlanks(String text, int at) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (Character.isWhitespace(c) || c == 0) {
                i++;
            } else {
                break;
            }
        }
        return i;
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
