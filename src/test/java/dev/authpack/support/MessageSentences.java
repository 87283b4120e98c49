package dev.authpack.support;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the bundle tests need to format every sentence of a bundle and count what it printed. */
public final class MessageSentences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private MessageSentences() {
    }

    /**
     * One argument per placeholder the sentence names, all numbers, so that choice placeholders
     * ({@code {0,choice,1#1 page|1<{0} pages}}) format too; none if it has no placeholder.
     */
    public static Object[] dummyArguments(String source) {
        int highest = -1;
        Matcher m = PLACEHOLDER.matcher(source);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        Object[] args = new Object[highest + 1];
        Arrays.fill(args, 2);
        return args;
    }

    /** How often {@code part} occurs in {@code text}, not overlapping. */
    public static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
