package dev.authpack.core;

import java.text.Normalizer;

/**
 * The characters a person can type into a field. Control characters (NUL, ESC, line breaks in a
 * one-line field, the line and paragraph separators U+2028 and U+2029 included), the 66
 * noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane: no characters at all;
 * the documents' XML forbids the first two), a broken surrogate half, and the bidirectional overrides
 * that make "pdf.exe" display as "exe.fdp" are refused: they come from scripts and pasted garbage,
 * never from a keyboard, and they would reach pages, PDFs, file names and logs. What is kept is kept
 * in one form, {@link #stored NFC}, so that a name pasted decomposed (macOS, some EHRs) is the same
 * text as the one typed composed: equal in duplicate checks, exports and the payer's systems.
 */
public final class TypedText {

    public static final String PROBLEM = "contains a control or invalid character";
    /** The rule in an API description's words, for the members it applies to. */
    public static final String RULE = "One line of typed text: no control characters, line or paragraph separators, "
            + "noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF), lone surrogates or bidirectional overrides; surrounding "
            + "spaces are dropped";

    private TypedText() {
    }

    /** Whether every character of {@code s} could have been typed. */
    public static boolean isTypeable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' || isBidiControl(ch)
                    || isNoncharacter(s.codePointAt(i))) {
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

    /**
     * Typeable text as it is kept: in normalization form C, so that "Zoë" pasted as "Zoe" and a combining
     * diaeresis is the "Zoë" typed on a keyboard. Canonical equivalence only: nothing that reads
     * differently changes (compatibility forms such as fullwidth letters stay; see {@link TypedIdentifier}).
     */
    public static String stored(String typeable) {
        return Normalizer.normalize(typeable, Normalizer.Form.NFC);
    }

    /** U+FDD0–U+FDEF and the code points ending in FFFE or FFFF, in every plane. */
    private static boolean isNoncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    /** Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069); the marks LRM/RLM stay allowed. */
    private static boolean isBidiControl(char ch) {
        return ch >= '\u202A' && ch <= '\u202E' || ch >= '\u2066' && ch <= '\u2069';
    }
}
