package dev.authpack.casefile;

import dev.authpack.support.EmbeddedPostgresForTests;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same case API tests on a real PostgreSQL, started by the test itself (no Docker, no install). */
class PostgresCaseApiTest extends CaseApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresForTests.register(registry);
    }
}
