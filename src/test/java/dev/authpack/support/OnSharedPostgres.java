package dev.authpack.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link SharedServiceTest} class on the embedded PostgreSQL's shared database instead of H2, as
 * production runs: the migrations and queries there. All such classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = EmbeddedPostgresForTests.SharedDatabase.class)
public @interface OnSharedPostgres {
}
