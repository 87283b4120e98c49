package dev.authpack.audit;

import dev.authpack.support.EmbeddedPostgresForTests;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit trail tests on a real PostgreSQL: the migrations and the filter query as production runs them. */
class PostgresAuditTrailTest extends AuditTrailTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresForTests.register(registry);
    }
}
