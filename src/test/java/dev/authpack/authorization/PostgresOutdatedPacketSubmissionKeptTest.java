package dev.authpack.authorization;

import dev.authpack.support.OnSharedPostgres;

/** The kept PACKET_OUTDATED on a real PostgreSQL: migration V133's column as production has it. */
@OnSharedPostgres
class PostgresOutdatedPacketSubmissionKeptTest extends OutdatedPacketSubmissionKeptTest {
}
