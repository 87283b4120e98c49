package dev.authpack.support;

import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs a tool the machine may lack (Chromium, axe-core, npm) skips with a message on a
 * developer's machine, so {@code mvn verify} works with Java and Maven alone. CI sets
 * {@code AUTHPACK_REQUIRE_TEST_TOOLS=true} ({@code .ci/run}): there a missing tool fails the build,
 * so a broken install step cannot turn the browser tests into a green run of skips.
 */
public final class Prerequisites {

    static final String REQUIRE = "AUTHPACK_REQUIRE_TEST_TOOLS";

    private Prerequisites() {
    }

    public static void need(boolean present, Supplier<String> whatIsMissing) {
        if (present) {
            return;
        }
        if (required()) {
            Assertions.fail(whatIsMissing.get() + " (" + REQUIRE + " is set, so this fails instead of skipping)");
        }
        Assumptions.assumeTrue(false, whatIsMissing);
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE));
    }
}
