package dev.authpack.web;

import dev.authpack.support.EmbeddedPostgresForTests;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The clinic profile, copy and duplicate tests on a real PostgreSQL: migration V90 and its queries there. */
class PostgresClinicProfileTest extends ClinicProfileTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresForTests.register(registry);
    }
}
