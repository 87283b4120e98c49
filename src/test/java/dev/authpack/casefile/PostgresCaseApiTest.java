package dev.authpack.casefile;

import dev.authpack.support.OnSharedPostgres;

/** The same case API tests on a real PostgreSQL, started by the test itself (no Docker, no install). */
@OnSharedPostgres
class PostgresCaseApiTest extends CaseApiTest {
}
