package dev.authpack.document;

import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.SharedServiceTest;

/** The same migrations and mapping on a real PostgreSQL (embedded binaries, no Docker). */
@OnSharedPostgres
@SharedServiceTest
class DocumentStorePostgresTest extends DocumentStoreContract {
}
