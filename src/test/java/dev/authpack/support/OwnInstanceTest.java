package dev.authpack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service a test starts itself leaves the JVM's logging set up when it stops or fails to start, so
 * that a test context setting up its own at that moment (another class, running alongside) finds it.
 */
class OwnInstanceTest {

    @Test
    void anInstanceThatFailsToStartOrStopsLeavesTheJvmsLoggingInPlace() {
        // refused after logging is set up: demo data on (the embedded default) while a first administrator is named
        assertThatThrownBy(() -> OwnInstance.builder().run("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:h2:mem:own-instance-refused;DB_CLOSE_DELAY=-1",
                "--authpack.bootstrap.admin-username=practice.admin",
                "--authpack.bootstrap.admin-password=Synthetic-first-admin-2026"))
                .hasStackTraceContaining("demo data is on");
        assertThat(loggingSetUp()).as("after a failed start").isTrue();

        try (ConfigurableApplicationContext started = OwnInstance.builder().run("--server.port=0",
                "--spring.main.banner-mode=off", "--spring.datasource.url=jdbc:h2:mem:own-instance-stops;DB_CLOSE_DELAY=-1")) {
            assertThat(started.isActive()).isTrue();
        }
        assertThat(loggingSetUp()).as("after a stop").isTrue();
    }

    @Test
    void everyTestThatStartsTheServiceItselfStartsItHere() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            List<Path> elsewhere = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("OwnInstance.java") && !p.endsWith("OwnInstanceTest.java"))
                    .filter(p -> read(p).contains("new SpringApplicationBuilder(") || read(p).contains("SpringApplication.run("))
                    .toList();
            assertThat(elsewhere).as("start the service with OwnInstance.builder()").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring Boot's own mark on the Logback context that it has set logging up (removed by its clean-up). */
    private static boolean loggingSetUp() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getObject(LoggingSystem.class.getName()) != null;
    }
}
