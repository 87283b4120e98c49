package dev.authpack.core;

/**
 * The characters a person can type into a field. Control characters (NUL, ESC, line breaks in a
 * one-line field), U+FFFE and U+FFFF (no characters at all; the documents' XML forbids them), a
 * broken surrogate half, and the bidirectional overrides that make "pdf.exe" display as "exe.fdp"
 * are refused: they come from scripts and pasted garbage, never from a keyboard, and they would
 * reach pages, PDFs, file names and logs.
 */
public final class TypedText {

    public static final String PROBLEM = "contains a control or invalid character";
    /** The rule in an API description's words, for the members it applies to. */
    public static final String RULE = "One line of typed text: no control characters, U+FFFE, U+FFFF, lone surrogates "
            + "or bidirectional overrides; surrounding spaces are dropped";

    private TypedText() {
    }

    /** Whether every character of {@code s} could have been typed. */
    public static boolean isTypeable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) || ch == '\uFFFE' || ch == '\uFFFF' || isBidiControl(ch)) {
                return false;
            }
            if (Character.isSurrogate(ch)) {
                if (!Character.isHighSurrogate(ch) || i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069); the marks LRM/RLM stay allowed. */
    private static boolean isBidiControl(char ch) {
        return ch >= '\u202A' && ch <= '\u202E' || ch >= '\u2066' && ch <= '\u2069';
    }
}
