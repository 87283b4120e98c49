package dev.authpack.web;

import dev.authpack.support.OnSharedPostgres;

/** The clinic profile, copy and duplicate tests on a real PostgreSQL: migration V90 and its queries there. */
@OnSharedPostgres
class PostgresClinicProfileTest extends ClinicProfileTest {
}
