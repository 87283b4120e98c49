package dev.authpack.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the running service with a {@link PinnedClock} it moves by hand. Those test classes share one
 * Spring context, and so the clock: they run one after the other, on a database of their own, beside
 * the {@link SharedServiceTest} classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:pinned-clock;DB_CLOSE_DELAY=-1")
@Import(PinnedClock.Config.class)
@ResourceLock("the pinned clock")
public @interface PinnedClockServiceTest {
}
