package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The settings a production start refuses, checked without starting the application (the
 * database check is proven end to end in {@link ProductionProfileTest}).
 */
class DemoPasswordGuardTest {

    @Test
    void demoDataUnderTheProductionProfileIsRefused() {
        MockEnvironment env = new MockEnvironment().withProperty("authpack.demo.enabled", "true");
        env.setActiveProfiles("postgres");

        assertThatThrownBy(() -> guard(env).afterSingletonsInstantiated())
                .hasMessageContaining("authpack.demo.enabled=true under the production profile");
    }

    @Test
    void theDemoPasswordForTheFirstAdministratorIsRefused() {
        MockEnvironment env = new MockEnvironment().withProperty("authpack.demo.enabled", "true")
                .withProperty("authpack.bootstrap.admin-password", "demo-pass-2026");

        assertThatThrownBy(() -> guard(env).afterSingletonsInstantiated())
                .hasMessageContaining("is the published demo password");
    }

    @Test
    void aFirstAdministratorNamedWhileDemoDataIsOnIsRefused() {
        // the embedded database's defaults plus docs/deploy.md's first-start settings: without the refusal
        // the demo "admin" (published password) is created and the named administrator is not
        MockEnvironment env = new MockEnvironment().withProperty("authpack.demo.enabled", "true")
                .withProperty("authpack.bootstrap.admin-username", "practice.admin")
                .withProperty("authpack.bootstrap.admin-password", "Synthetic-first-admin-2026");

        assertThatThrownBy(() -> guard(env).afterSingletonsInstantiated())
                .hasMessageContaining("authpack.bootstrap.admin-username is set, but demo data is on")
                .hasMessageContaining("AUTHPACK_DEMO_ENABLED=false");
    }

    @Test
    void demoDataOutsideTheProductionProfileIsFine() {
        MockEnvironment env = new MockEnvironment().withProperty("authpack.demo.enabled", "true");

        assertThatCode(() -> guard(env).afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    private static DemoPasswordGuard guard(MockEnvironment env) {
        // demo data on: the guard never reads accounts, so no repository is needed here
        return new DemoPasswordGuard(env, null, new BCryptPasswordEncoder());
    }
}
