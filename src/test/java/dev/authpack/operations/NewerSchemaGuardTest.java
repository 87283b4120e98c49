package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.support.ServiceMigrations;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A release started on a database that a newer release has migrated stops before it writes anything
 * and says what to do; on its own database, or on an older one, it migrates as before.
 */
class NewerSchemaGuardTest {

    @Test
    void aDatabaseANewerReleaseMigratedIsRefusedNamingTheMigrationItDoesNotKnow() {
        DataSource db = ServiceMigrations.emptyH2("newer-schema");
        ServiceMigrations.flyway("h2").dataSource(db).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        newerReleaseMigrated(jdbc, "9001", "Split payer names");

        assertThatThrownBy(() -> new NewerSchemaGuard().migrate(flyway(db)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migrated by a newer release")
                .hasMessageContaining("V9001 (Split payer names)")
                .hasMessageContaining("restore the backup taken before the upgrade");
    }

    @Test
    void anOlderDatabaseIsMigratedAndAStartOnItsOwnVersionChangesNothing() {
        DataSource db = ServiceMigrations.emptyH2("older-schema");
        ServiceMigrations.flyway("h2").dataSource(db).target("112").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);

        new NewerSchemaGuard().migrate(flyway(db));
        int applied = historyRows(jdbc);
        new NewerSchemaGuard().migrate(flyway(db));

        assertThat(flyway(db).info().pending()).isEmpty();
        assertThat(historyRows(jdbc)).isEqualTo(applied);
    }

    /** What Flyway writes when a release with migration {@code version} has migrated the database. */
    static void newerReleaseMigrated(JdbcTemplate jdbc, String version, String description) {
        jdbc.update("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "SELECT MAX(\"installed_rank\") + 1, ?, ?, 'SQL', ?, 0, 'sa', 1, TRUE FROM \"flyway_schema_history\"",
                version, description, "V" + version + "__" + description.replace(' ', '_') + ".sql");
    }

    private static Flyway flyway(DataSource db) {
        return ServiceMigrations.flyway("h2").dataSource(db).load();
    }

    private static int historyRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\"", Integer.class);
    }
}
