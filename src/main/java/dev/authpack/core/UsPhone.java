package dev.authpack.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A US phone or fax number as people write it ({@code (555) 123-4567}, {@code +1 555 123 4567},
 * {@code 555-0100 ext 2}), written the one way cases keep it ({@code 555-123-4567}, {@code 555-0100 x2}).
 * The one rule for every place a clerk types a number a case will carry: the case form and the clinic
 * profile, whose prescribers a case copies. Packets are faxed to US payers, so a number they cannot
 * dial is refused where it is typed, not when a case using it is saved.
 */
public final class UsPhone {

    /** What is wrong with a refused number, in the API's words; pages word it through {@code input.phone}. */
    public static final String PROBLEM = "is not a US phone number";

    private static final Pattern PHONE = Pattern.compile(
            "(\\+?[\\d\\s().-]+?)\\s*(?:(?:x|ext\\.?|extension)\\s*(\\d{1,6}))?", Pattern.CASE_INSENSITIVE);

    private UsPhone() {
    }

    /** A US number of 10 digits (an optional leading 1 or +1), or a 7-digit local one; an extension kept. */
    public static Optional<String> normalise(String text) {
        Matcher m = PHONE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(1).strip();
        boolean international = number.startsWith("+");
        String digits = number.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        } else if (international) {
            return Optional.empty(); // +44 ...: not a US number
        }
        String written = switch (digits.length()) {
            case 10 -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
            case 7 -> digits.substring(0, 3) + "-" + digits.substring(3);
            default -> null;
        };
        if (written == null || digits.length() == 10 && (digits.charAt(0) == '0' || digits.charAt(0) == '1')) {
            return Optional.empty(); // US area codes never start with 0 or 1
        }
        return Optional.of(m.group(2) == null ? written : written + " x" + m.group(2));
    }
}
