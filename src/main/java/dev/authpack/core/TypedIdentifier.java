package dev.authpack.core;

import java.text.Normalizer;
import java.util.Optional;

/**
 * An identifier a payer keys into its own system: a member id, a group number, a phone or fax number.
 * Payers' systems (X12 278, portals) take Latin letters, digits, spaces and ASCII punctuation only, and
 * the packet is faxed and read by eye, so an identifier must look like what it is. What a paste brings
 * along is written the one way it looks: fullwidth forms ("ＸＪＨ１２３", typed with an East Asian input
 * method) and other compatibility forms become their plain letters and digits (NFKC), any dash
 * ("555‑0100" with a non-breaking hyphen, an en dash) becomes "-" and any space (no-break, narrow,
 * ideographic) a plain space. Anything else outside printable ASCII is refused rather than guessed:
 * invisible characters (zero-width space, joiners, direction marks, soft hyphen, byte order mark) make
 * the id differ from what the page and the fax show, and a Cyrillic "А" or Greek "Ο" looks exactly like
 * the Latin letter it is not.
 */
public final class TypedIdentifier {

    /** What is wrong with a refused identifier, in the API's words. */
    public static final String PROBLEM = "must be written with Latin letters, digits, spaces and ASCII punctuation "
            + "only (no invisible, direction or look-alike characters)";

    private TypedIdentifier() {
    }

    /** The identifier in plain ASCII, or empty when it holds a character that has no plain form. */
    public static Optional<String> of(String typed) {
        String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(compatible.length());
        for (int i = 0; i < compatible.length(); i++) {
            char ch = compatible.charAt(i);
            int type = Character.getType(ch);
            if (type == Character.DASH_PUNCTUATION) {
                out.append('-');
            } else if (type == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (ch >= 0x20 && ch <= 0x7E) {
                out.append(ch);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString().strip());
    }
}
