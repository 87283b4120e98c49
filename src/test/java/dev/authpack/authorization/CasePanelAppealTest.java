package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The case page offers the appeal packet while the authorization is denied or its appeal is under way. */
class CasePanelAppealTest {

    @ParameterizedTest(name = "{0}: appeal packet offered {1}")
    @CsvSource({"DENIED, true", "APPEALED, true", "APPROVED, false", "SUBMITTED, false", "NOT_SUBMITTED, false",
            "EXPIRED, false", "WITHDRAWN, false", "PENDED, false"})
    void anAppealPacketAnswersADenialWhileItIsDeniedOrUnderAppeal(AuthStatus status, boolean offered) {
        assertThat(CasePanel.appealable(status)).isEqualTo(offered);
    }
}
