package dev.authpack.rendering;

/**
 * Keeps a document renderable whatever text reached it. The case form refuses control characters,
 * but an attachment title, a denial reason or a clinic profile typed elsewhere, or a case stored
 * before a rule existed, can still carry one; XML 1.0 forbids them, and a single one made every
 * packet of the case fail to parse. They carry nothing a reader could see, so they are dropped.
 */
final class XmlChars {

    private XmlChars() {
    }

    /** {@code text} without the characters XML 1.0 does not allow (controls other than tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
    static String clean(String text) {
        int bad = firstInvalid(text);
        if (bad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, bad);
        for (int i = bad; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (allowed(cp)) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out.toString();
    }

    private static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!allowed(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
