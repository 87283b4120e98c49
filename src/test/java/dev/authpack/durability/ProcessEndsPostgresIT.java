package dev.authpack.durability;

import dev.authpack.support.EmbeddedPostgresForTests;
import java.util.Map;

/**
 * {@link ProcessEnds} on PostgreSQL: a server the test starts, with commits waiting for the disk as on a
 * production server; the process killed and stopped is the application's.
 */
class ProcessEndsPostgresIT extends ProcessEnds {

    private Map<String, String> settings;

    @Override
    String database() {
        return "PostgreSQL";
    }

    @Override
    synchronized Map<String, String> settings() {
        if (settings == null) {
            settings = Map.of("spring.datasource.url", EmbeddedPostgresForTests.newDatabase("process_ends"),
                    "spring.datasource.username", "postgres", "spring.datasource.password", "");
        }
        return settings;
    }
}
