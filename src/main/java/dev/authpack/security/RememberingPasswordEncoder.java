package dev.authpack.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt is slow on purpose (~80 ms), and HTTP Basic checks the password on every API call, which
 * made a clinic's script of a few hundred calls take minutes. This remembers, for a few minutes and
 * only in memory, a digest of (password, stored hash) pairs that matched. A changed password has a
 * new stored hash, so it never matches a remembered pair; failures are never remembered.
 */
class RememberingPasswordEncoder implements PasswordEncoder {

    private static final long TTL_NANOS = 5L * 60 * 1_000_000_000;
    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Map<String, Long> matched = new ConcurrentHashMap<>();

    RememberingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = digest(rawPassword + "\u0000" + encodedPassword);
        Long since = matched.get(key);
        long now = System.nanoTime();
        if (since != null && now - since < TTL_NANOS) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            if (matched.size() >= MAX_ENTRIES) {
                matched.clear();
            }
            matched.put(key, now);
        } else {
            matched.remove(key);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String digest(String s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
