package dev.authpack.support;

import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * The test JVM's logging system (pom.xml, Surefire's {@code org.springframework.boot.logging.LoggingSystem}):
 * Spring Boot's Logback system, except that it never resets the JVM's one Logback context. Spring Boot
 * resets it whenever an application stops or fails to start, and with two test classes at a time a
 * context setting up its logging at that instant failed to load ("Unable to find Spring Environment in
 * logger context": 19 tests of two classes in one CI run, after ProductionProfileTest's start that must
 * fail). Once set up, logging stays as it is until the JVM ends, as it already did for cached contexts.
 */
public class LoggingKeptForTheRun extends LogbackLoggingSystem {

    public LoggingKeptForTheRun(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    public void cleanUp() {
        // deliberately nothing: see the class comment
    }
}
