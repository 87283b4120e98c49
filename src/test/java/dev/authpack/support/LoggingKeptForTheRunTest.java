package dev.authpack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import dev.authpack.AuthpackApplication;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In the test JVM an application that fails to start or stops leaves logging set up, so that a test
 * context of another class setting up its own at that moment finds it.
 */
class LoggingKeptForTheRunTest {

    @Test
    void theSuiteRunsWithTheLoggingSystemThatKeepsLoggingSetUp() {
        assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(LoggingKeptForTheRun.class);
    }

    @Test
    void anApplicationThatFailsToStartOrStopsLeavesLoggingSetUp() {
        // refused after logging is set up: demo data on (the embedded default) while a first administrator is named
        assertThatThrownBy(() -> new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--spring.datasource.url=jdbc:h2:mem:logging-kept-refused;DB_CLOSE_DELAY=-1",
                "--authpack.bootstrap.admin-username=practice.admin",
                "--authpack.bootstrap.admin-password=Synthetic-first-admin-2026"))
                .hasStackTraceContaining("demo data is on");
        assertThat(loggingSetUp()).as("after a failed start").isTrue();

        try (ConfigurableApplicationContext started = new SpringApplicationBuilder(AuthpackApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:h2:mem:logging-kept-stops;DB_CLOSE_DELAY=-1")) {
            assertThat(started.isActive()).isTrue();
        }
        assertThat(loggingSetUp()).as("after a stop").isTrue();
    }

    /** Spring Boot's own mark on the Logback context that it has set logging up (its clean-up removes it). */
    private static boolean loggingSetUp() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getObject(LoggingSystem.class.getName()) != null;
    }
}
