package dev.authpack.rendering;

/**
 * Directional isolation of the values a sentence is filled with. An entered right-to-left value followed
 * by a number ("for my patient Dana כהן: 8 sessions") is one run for the bidirectional algorithm, which
 * draws the 8 left of the name. Between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE the value keeps
 * its own direction and its neighbours theirs, as with {@code <bdi>} on a web page. The two marks are
 * never drawn (openhtmltopdf drops format characters no embedded font has, and none has these), but in an
 * attribute or the head they would reach the PDF's title, subject, keywords and bookmarks, which a payer's
 * system reads as text.
 */
final class Isolates {

    static final char FIRST_STRONG_ISOLATE = '\u2068';
    static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private Isolates() {
    }

    static String around(String value) {
        return FIRST_STRONG_ISOLATE + value + POP_DIRECTIONAL_ISOLATE;
    }

    static boolean isMark(int cp) {
        return cp == FIRST_STRONG_ISOLATE || cp == POP_DIRECTIONAL_ISOLATE;
    }

    /**
     * The filled XHTML with the marks kept only in the body's text, where the layout reads them: dropped in
     * the head (title, metadata, bookmarks) and inside tags (attribute values). The engine escapes every
     * {@code <} in text, so a {@code <} always opens a tag.
     */
    static String onlyInText(String xhtml) {
        if (xhtml.indexOf(FIRST_STRONG_ISOLATE) < 0 && xhtml.indexOf(POP_DIRECTIONAL_ISOLATE) < 0) {
            return xhtml;
        }
        int body = xhtml.indexOf("</head>");
        StringBuilder out = new StringBuilder(xhtml.length());
        boolean inTag = false;
        for (int i = 0; i < xhtml.length(); i++) {
            char ch = xhtml.charAt(i);
            if (ch == '<') {
                inTag = true;
            } else if (ch == '>') {
                inTag = false;
            }
            if (!(isMark(ch) && (inTag || i < body))) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
