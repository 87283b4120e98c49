package dev.authpack.rendering;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * The line breaker of every document: openhtmltopdf's own (the JDK's line rules, URLs aside), except that
 * a hyphen between two digits, the dot of a code or decimal ("F33.3"), or a slash inside a unit ("mg/day")
 * never ends a line. The JDK breaks after any hyphen, so in a packet's narrow
 * checklist columns dates came apart ("2025-" over "02-01"), and a payer searching the text for
 * "2025-02-01", or for an evidence line as the completeness report words it, did not find it. Dates,
 * phone numbers and TINs stay whole; a hyphenated word ("REMS-certified") may still break after its hyphen.
 * One instance per layout: it keeps the text it was given.
 */
final class WholeValueLineBreaker implements FSTextBreaker {

    private final FSTextBreaker lines = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        lines.setText(newText);
    }

    @Override
    public int next() {
        int at = lines.next();
        while (at >= 2 && at < text.length() && (betweenDigits(at) || codeDot(at) || unitSlash(at))) {
            at = lines.next();
        }
        return at;
    }

    /** "2025-|02-01", "555-|0100". */
    private boolean betweenDigits(int at) {
        return text.charAt(at - 1) == '-' && Character.isDigit(text.charAt(at))
                && Character.isDigit(text.charAt(at - 2));
    }

    /** An ICD-10 code or a decimal: "F33.|3", "0.|025". */
    private boolean codeDot(int at) {
        return text.charAt(at - 1) == '.' && Character.isDigit(text.charAt(at))
                && Character.isLetterOrDigit(text.charAt(at - 2));
    }

    /** A unit such as "mg/day" broke before its slash ("300 mg" over "/day"). */
    private boolean unitSlash(int at) {
        return (text.charAt(at) == '/' || text.charAt(at - 1) == '/')
                && Character.isLetterOrDigit(text.charAt(at - 1) == '/' ? text.charAt(at - 2) : text.charAt(at - 1))
                && at + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(at) == '/' ? text.charAt(at + 1) : text.charAt(at));
    }
}
