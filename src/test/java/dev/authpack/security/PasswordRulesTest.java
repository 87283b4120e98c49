package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The password rules as a table (NIST SP 800-63B): the weak passwords issue #16 found accepted, and
 * the kinds of long phrases the rules must let through. No composition rules.
 */
class PasswordRulesTest {

    @ParameterizedTest(name = "''{1}'' for {0}: {2}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            north.billing|aaaaaaaaaaaa|one character or one short part repeated
            north.billing|abcabcabcabc|one character or one short part repeated
            north.billing|AbAbAbAbAbAb|one character or one short part repeated
            north.billing|123456789012|consecutive characters
            north.billing|abcdefghijklm|consecutive characters
            north.billing|987654321098|consecutive characters
            north.billing|password1234|commonly used or breached
            north.billing|Password1234!|commonly used or breached
            north.billing|qwertyuiop123|commonly used or breached
            north.billing|iloveyou2026|commonly used or breached
            north.billing|1234qwertyuiop|commonly used or breached
            north.billing|demo-pass-2026|demo password
            north.billing|Demo-Pass-2026|demo password
            north.billing|demo-pass-2026 |demo password
            north.billing| DEMO-PASS-2026|demo password
            north.billing|demo-pass- 2026|demo password
            north.billing|my-demo-pass-2026!|demo password
            north.billing|north.billing-42|user name
            north.billing|North.Billing 42|user name
            north.billing|my authpack key|product name
            north.billing|AUTHPACK-rocks-2026|product name
            north.billing|short-one|at least 12 characters
            """)
    void refusesWeakPasswords(String user, String password, String reason) {
        assertThat(PasswordRules.problems(user, password)).as(password).anyMatch(p -> p.contains(reason));
    }

    @ParameterizedTest(name = "''{0}'' is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            correct-horse-battery-9
            violet anchor meadow
            tulpe mango harbour seven
            ZYX-kettle-on-mars
            Страна озёр и рек 2026
            a sturdy passphrase 42
            """)
    void acceptsLongPhrasesWithoutCompositionRules(String password) {
        assertThat(PasswordRules.problems("north.billing", password)).as(password).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is too long for BCrypt")
    @CsvSource("ééééééééééééééééééééééééééééééééééééééé-long-enough")
    void refusesMoreThanSeventyTwoBytes(String password) {
        assertThat(PasswordRules.problems("north.billing", password)).contains("must be at most 72 bytes long");
    }

    /** White space counts towards the twelve, but one or two characters padded with it are one or two to guess. */
    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"a           ", "Qz          ", "           7", "a b c d e f g", "1234 567    ", "x\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"})
    void refusesFewerThanEightCharactersBesideTheSpaces(String password) {
        assertThat(PasswordRules.problems("north.billing", password))
                .containsExactly("must have at least 8 characters that are not spaces");
    }

    @ParameterizedTest(name = "''{0}'' is accepted")
    @ValueSource(strings = {"kettle 9 mars", "7 x 9 k 2 m q z", "  kettle9mars  "})
    void acceptsEightCharactersBesideTheSpaces(String password) {
        assertThat(PasswordRules.problems("north.billing", password)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesWhiteSpaceAlone() {
        assertThat(PasswordRules.problems("north.billing", " ".repeat(12)))
                .containsExactly("must not be one character or one short part repeated");
        assertThat(PasswordRules.problems("north.billing", " \t".repeat(6)))
                .containsExactly("must not be one character or one short part repeated");
        assertThat(PasswordRules.problems("north.billing", "\t \u00a0 \t  \t \u2003   "))
                .containsExactly("must not be one character or one short part repeated");
    }

    @org.junit.jupiter.api.Test
    void theShippedListIsLoadedWholeAndInLowerCase() {
        assertThat(CommonPasswords.size()).isEqualTo(49_193);
        assertThat(CommonPasswords.contains("password")).isTrue();
        assertThat(CommonPasswords.contains("Password")).isFalse();
    }

    @ParameterizedTest(name = "{0} bytes: refused for length {1}")
    @CsvSource({"71, false", "72, false", "73, true"})
    void seventyTwoBytesAreTheMostBcryptReads(int bytes, boolean refused) {
        String phrase = "violet anchor meadow tulpe mango harbour seven kettle on mars and a few more words";
        String password = phrase.substring(0, bytes);
        assertThat(PasswordRules.problems("north.billing", password).contains("must be at most 72 bytes long"))
                .as(password).isEqualTo(refused);
    }

    /**
     * Where the rules stop: a list word of four letters inside digits and symbols is still that word
     * ("love" of "love12345678!"; three letters are too few to judge), a password of digits and
     * symbols only has no stem at all, a part repeated twice is a repeat, and a run counts across
     * digits and the symbols either side of them in character order ("/0123456789:").
     */
    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            love12345678!|commonly used or breached
            !!love--2026|commonly used or breached
            kfjwpxkfjwpx|one character or one short part repeated
            /0123456789:|consecutive characters
            :9876543210/|consecutive characters
            ab          |characters that are not spaces
            """)
    void refusesAtTheEdgesOfEachRule(String password, String reason) {
        assertThat(PasswordRules.problems("north.billing", password)).as(password).anyMatch(p -> p.contains(reason));
    }

    @ParameterizedTest(name = "''{0}'' is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            8374!2910#56
            %%%%8374!2910#56
            cat-9284-7713
            kfjwpxkfjwpxq
            """)
    void acceptsPasswordsJustPastTheEdges(String password) {
        assertThat(PasswordRules.problems("north.billing", password)).as(password).isEmpty();
    }
}
