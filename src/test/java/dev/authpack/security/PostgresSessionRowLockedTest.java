package dev.authpack.security;

import dev.authpack.support.OnSharedPostgres;

/** The same held session row on PostgreSQL, where the wait ends with the service's lock timeout (5 s). */
@OnSharedPostgres
class PostgresSessionRowLockedTest extends SessionRowLockedTest {
}
