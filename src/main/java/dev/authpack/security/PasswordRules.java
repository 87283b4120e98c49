package dev.authpack.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least 12 characters, at most 72 bytes (BCrypt reads no further),
 * not the user name nor containing it, and never the published demo password.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

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
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the user name");
        }
        if (password.equals(DemoData.DEMO_PASSWORD)) {
            problems.add("must not be the published demo password");
        }
        return problems;
    }
}
