package dev.authpack.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be, after NIST SP 800-63B §5.1.1.2: at least 12 characters (8 of them not white
 * space), at most 72
 * bytes (BCrypt reads no further); not on the list of common and breached passwords (also with
 * its leading and trailing digits and symbols taken off: "password1234"); not one short part
 * repeated ("aaaaaaaaaaaa", twelve spaces) nor a run of consecutive characters ("123456789012");
 * not containing the user name, the product name or the published demo password, compared in any
 * case and with white space ignored. No composition rules: a long phrase is what we want.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /**
     * White space counts towards the 12 (a phrase's spaces are part of it) but cannot make them up alone:
     * "a" and eleven spaces is one character to guess. Eight is SP 800-63B's least for a chosen password.
     */
    static final int MIN_NON_SPACE = 8;
    static final int MAX_BYTES = 72;
    static final String PRODUCT = "authpack";
    private static final int MIN_STEM = 4;

    private PasswordRules() {
    }

    static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters long");
            return problems;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("must be at most " + MAX_BYTES + " bytes long");
        }
        String plain = normalise(password);
        if (!plain.isEmpty() && plain.codePointCount(0, plain.length()) < MIN_NON_SPACE) {
            problems.add("must have at least " + MIN_NON_SPACE + " characters that are not spaces");
            return problems;
        }
        if (plain.isEmpty() || repeatsOnePart(password) || repeatsOnePart(plain)) {
            problems.add("must not be one character or one short part repeated");
        } else if (consecutive(plain)) {
            problems.add("must not be a run of consecutive characters");
        } else if (CommonPasswords.contains(plain) || CommonPasswords.contains(stem(plain))) {
            problems.add("is a commonly used or breached password: choose another (a few unrelated words work well)");
        }
        String name = username == null ? "" : normalise(username);
        if (!name.isEmpty() && plain.contains(name)) {
            problems.add("must not contain the user name");
        }
        if (plain.contains(PRODUCT)) {
            problems.add("must not contain the product name");
        }
        if (plain.contains(normalise(DemoData.DEMO_PASSWORD))) {
            problems.add("must not be the published demo password");
        }
        return problems;
    }

    /** Lower case, white space removed: "Demo-Pass-2026 " and "demo-pass-2026" are the same password here. */
    static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The password without leading and trailing characters that are not letters: "password" of "!password1234". */
    private static String stem(String plain) {
        int start = 0;
        int end = plain.length();
        while (start < end && !Character.isLetter(plain.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(plain.charAt(end - 1))) {
            end--;
        }
        String stem = plain.substring(start, end);
        return stem.length() >= MIN_STEM ? stem : plain;
    }

    private static boolean repeatsOnePart(String password) {
        int n = password.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && password.substring(0, unit).repeat(n / unit).equals(password)) {
                return true;
            }
        }
        return false;
    }

    /** Each character one up from the last ("abcdef…", "1234567890 12") or each one down; digits wrap 9 to 0. */
    private static boolean consecutive(String plain) {
        return plain.length() >= 2 && (steps(plain, 1) || steps(plain, -1));
    }

    private static boolean steps(String s, int step) {
        for (int i = 1; i < s.length(); i++) {
            char prev = s.charAt(i - 1);
            char next = s.charAt(i);
            boolean digits = Character.isDigit(prev) && Character.isDigit(next);
            int expected = digits ? '0' + Math.floorMod(prev - '0' + step, 10) : prev + step;
            if (next != expected) {
                return false;
            }
        }
        return true;
    }
}
