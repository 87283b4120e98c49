package dev.authpack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {

    @Test
    void aPresentToolNeitherSkipsNorFails() {
        assertThatNoException().isThrownBy(() -> Prerequisites.need(true, () -> "never said"));
    }

    @Test
    void aMissingToolSkipsOnADevelopersMachineAndFailsOnCi() {
        Class<? extends Throwable> expected = Prerequisites.required() ? AssertionFailedError.class : TestAbortedException.class;
        assertThatThrownBy(() -> Prerequisites.need(false, () -> "no Chromium"))
                .isInstanceOf(expected).hasMessageContaining("no Chromium");
    }

    @Test
    void ciRequiresTheTools() {
        // .ci/run exports the switch; a CI run without it would let missing tools pass as skips
        assertThat(new java.io.File(".ci/run")).content().contains("export " + Prerequisites.REQUIRE + "=true");
    }
}
