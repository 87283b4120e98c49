package dev.authpack.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Remembers for a few minutes that a password matched an account's stored hash, so that an API
 * client sending HTTP Basic credentials with every request pays the deliberately slow hash (BCrypt,
 * ~60–100 ms of CPU here) once, not on every call: without it, 50 scripted clients spend both
 * cores on hashing and a clerk's 5 ms request waits seconds.
 *
 * <p>Only matches are remembered, never failures, so every wrong guess still costs a full hash and
 * counts towards the lockout. The caller checks the account (unknown, disabled, locked) before
 * asking, from the database on every request, so a remembered match never opens a closed account.
 * The entry is keyed by the stored hash too: a password change makes old entries unreachable, and
 * any change to the account drops its entries at once. The presented password is kept only as an
 * HMAC under a key made at start-up and never stored, so the cache holds no password or reusable
 * hash. {@code authpack.security.verified-password-ttl=0} turns this off.
 */
@Component
class VerifiedPasswords {

    private record Entry(String username, String storedHash, String presentedMac) {
    }

    private final PasswordEncoder encoder;
    private final Cache<Entry, Boolean> matches;
    private final SecretKeySpec key;

    VerifiedPasswords(PasswordEncoder encoder,
                      @Value("${authpack.security.verified-password-ttl:5m}") Duration ttl) {
        this.encoder = encoder;
        this.matches = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether {@code presented} is the password of the account whose stored hash is {@code storedHash}. */
    boolean matches(String username, String presented, String storedHash) {
        if (matches == null) {
            return encoder.matches(presented, storedHash);
        }
        Entry entry = new Entry(username, storedHash, mac(presented));
        if (matches.getIfPresent(entry) != null) {
            return true;
        }
        boolean match = encoder.matches(presented, storedHash);
        if (match) {
            matches.put(entry, Boolean.TRUE);
        }
        return match;
    }

    /** A disabled account, a new password or role: forget its remembered matches now, not after the TTL. */
    @EventListener
    void on(AccountChangedEvent event) {
        forget(event.targetUser());
    }

    @EventListener
    void on(AccountLockedEvent event) {
        forget(event.username());
    }

    private void forget(String username) {
        if (matches != null && username != null) {
            matches.asMap().keySet().removeIf(e -> e.username().equals(username));
        }
    }

    private String mac(String presented) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
