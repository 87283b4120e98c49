package dev.authpack.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of the running service on the test JVM's shared databases: the in-memory H2 of
 * {@code src/test/resources/config/application.properties}, which every Spring context without a URL
 * of its own opens, and the embedded PostgreSQL's {@code postgres} database
 * ({@link EmbeddedPostgresForTests#register}). Such test classes see each other's rows (the north
 * clinic's profile, its case list, its worklist), so they hold {@link #DATABASES} and run one after the
 * other; test classes without it run beside them (the Surefire configuration in {@code pom.xml}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ResourceLock(SharedServiceTest.DATABASES)
public @interface SharedServiceTest {

    /** The lock on the shared databases, for a test that opens them without this annotation. */
    String DATABASES = "the test JVM's shared databases";

    /** Settings of this test's Spring context, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
