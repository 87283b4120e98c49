package dev.authpack.rendering;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * Text in the order its glyphs are drawn, left to right. A PDF draws what it is given from left to
 * right, so a Hebrew or Arabic name written in the order it is typed comes out backwards for its
 * readers, and payers' text extraction (which reads right-to-left runs back from right to left)
 * returns it reversed. The Unicode bidirectional algorithm ({@link Bidi}, in the JDK) says which runs
 * are right-to-left and in what order the runs stand; each such run is reversed here, a base letter
 * keeping its combining marks (Hebrew points) and paired brackets mirrored.
 */
public final class VisualOrder {

    private VisualOrder() {
    }

    /**
     * One line of text as it is drawn: left-to-right text as it is, right-to-left runs reversed in place.
     * The line is read as left-to-right text (the documents are English or Spanish), also when it opens
     * with a Hebrew word: a long header wraps, and its second line must not turn around on its own.
     */
    public static String of(String logical) {
        return of(logical, Bidi.DIRECTION_LEFT_TO_RIGHT);
    }

    static String of(String logical, int direction) {
        if (!Bidi.requiresBidi(withoutControls(logical).toCharArray(), 0, logical.length())) {
            return logical;
        }
        StringBuilder out = new StringBuilder(logical.length());
        for (Run run : runs(logical, direction)) {
            String text = logical.substring(run.start(), run.start() + run.length());
            out.append(run.rightToLeft() ? reversed(text) : text);
        }
        return out.toString();
    }

    /** A stretch of one direction: where it starts in the logical text, its length, its direction. */
    record Run(int start, int length, boolean rightToLeft) {
    }

    /** The directional runs of one paragraph, in the order they are drawn from left to right. */
    static List<Run> runs(String logical, int direction) {
        if (logical.isEmpty()) {
            return List.of();
        }
        Bidi bidi = new Bidi(withoutControls(logical), direction);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Run[] runs = new Run[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = new Run(bidi.getRunStart(i), bidi.getRunLimit(i) - bidi.getRunStart(i), (levels[i] & 1) == 1);
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        return List.of(runs);
    }

    /**
     * The text with its bidirectional embeddings, overrides and isolates made plain spaces (the same
     * length, so the runs still index the text): the case API refuses them, but a name stored before it
     * did must not turn a whole line around ("pdf.exe" shown as "exe.fdp"). They have no glyph and are
     * printed as "?" like any character the font lacks. Only a first-strong isolate closed by its pop is
     * kept: the documents put that pair around each value of a sentence ({@link Isolates}), and the JDK's
     * algorithm honours it.
     */
    private static String withoutControls(String text) {
        char[] chars = text.toCharArray();
        int[] open = new int[chars.length];
        int depth = 0;
        for (int i = 0; i < chars.length; i++) {
            char ch = chars[i];
            if (ch == Isolates.FIRST_STRONG_ISOLATE) {
                open[depth++] = i;
            } else if (ch == Isolates.POP_DIRECTIONAL_ISOLATE && depth > 0) {
                depth--;
            } else if (ch >= '\u202A' && ch <= '\u202E' || ch >= '\u2066' && ch <= '\u2069') {
                chars[i] = ' ';
            }
        }
        while (depth > 0) {
            chars[open[--depth]] = ' ';
        }
        return new String(chars);
    }

    /** A right-to-left run drawn from its end: clusters (a letter and its marks) in reverse order. */
    static String reversed(String run) {
        List<String> clusters = new ArrayList<>();
        int i = 0;
        while (i < run.length()) {
            int end = i + Character.charCount(run.codePointAt(i));
            while (end < run.length() && isMark(run.codePointAt(end))) {
                end += Character.charCount(run.codePointAt(end));
            }
            clusters.add(mirrored(run.substring(i, end)));
            i = end;
        }
        StringBuilder out = new StringBuilder(run.length());
        for (int c = clusters.size() - 1; c >= 0; c--) {
            out.append(clusters.get(c));
        }
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static final String PAIRS = "()[]{}<>«»‹›";

    /** An opening bracket inside a right-to-left run is drawn as the closing one, and the other way round. */
    private static String mirrored(String cluster) {
        int at = PAIRS.indexOf(cluster.charAt(0));
        if (cluster.length() != 1 || at < 0) {
            return cluster;
        }
        return String.valueOf(PAIRS.charAt(at % 2 == 0 ? at + 1 : at - 1));
    }
}
