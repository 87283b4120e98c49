package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final String hash = bcrypt.encode("correct horse 2026");

    @Test
    void aMatchingPasswordIsHashedOnceThenRememberedForItsAccount() {
        VerifiedPasswords verified = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5));

        assertThat(verified.matches("north.billing", "correct horse 2026", hash)).isTrue();
        assertThat(verified.matches("north.billing", "correct horse 2026", hash)).isTrue();
        assertThat(verified.matches("north.billing", "correct horse 2026", hash)).isTrue();

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void everyWrongGuessCostsAFullHashAndIsNeverRemembered() {
        VerifiedPasswords verified = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            assertThat(verified.matches("north.billing", "wrong guess", hash)).isFalse();
        }

        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aNewStoredHashIsCheckedAgainSoAnOldPasswordDoesNotOutliveItsChange() {
        VerifiedPasswords verified = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5));
        verified.matches("north.billing", "correct horse 2026", hash);

        String newHash = bcrypt.encode("battery staple 2027");

        assertThat(verified.matches("north.billing", "correct horse 2026", newHash)).isFalse();
        assertThat(verified.matches("north.billing", "battery staple 2027", newHash)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aChangeToTheAccountForgetsItsRememberedMatches() {
        VerifiedPasswords verified = new VerifiedPasswords(bcrypt, Duration.ofMinutes(5));
        verified.matches("north.billing", "correct horse 2026", hash);
        verified.matches("south.billing", "correct horse 2026", hash);

        verified.on(new AccountChangedEvent(AccountChangedEvent.Change.USER_DISABLED, "north.billing", "north", null));
        verified.matches("north.billing", "correct horse 2026", hash);
        verified.matches("south.billing", "correct horse 2026", hash);

        assertThat(bcrypt.checks).as("north hashed again, south still remembered").hasValue(3);
    }

    @Test
    void aZeroLifetimeTurnsRememberingOff() {
        VerifiedPasswords verified = new VerifiedPasswords(bcrypt, Duration.ZERO);

        verified.matches("north.billing", "correct horse 2026", hash);
        verified.matches("north.billing", "correct horse 2026", hash);

        assertThat(bcrypt.checks).hasValue(2);
    }
}
