package dev.authpack.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A browser test of the running service: a Chromium emptied for each test ({@link OpenBrowser}) against a service with a
 * database of its own. The browser classes share that service and run one after the other, beside the
 * {@code SharedServiceTest} classes rather than in their line: they are the longest classes of the suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1")
@ResourceLock(BrowserServiceTest.DATABASE)
@ExtendWith(OpenBrowser.class)
@interface BrowserServiceTest {

    String DATABASE = "the browser tests' database";
}
