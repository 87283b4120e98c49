package dev.authpack.audit;

import dev.authpack.support.OnSharedPostgres;

/** The audit trail tests on a real PostgreSQL: the migrations and the filter query as production runs them. */
@OnSharedPostgres
class PostgresAuditTrailTest extends AuditTrailTest {
}
