package dev.authpack.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database that a newer release has migrated, before anything is written.
 * Flyway's default is to skip applied migrations it does not know and start; an older release then
 * saves cases and records events without what the newer one derives from them (the case list's
 * columns, each case's stored authorization), and the list, its filters and the worklist go wrong
 * with no error anywhere (docs/deploy.md, "Upgrading to a new release"). That happens when an old
 * instance is restarted during an upgrade, or when an operator goes back to the old jar instead of
 * restoring the backup.
 */
@Component
class NewerSchemaGuard implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway flyway) {
        refuseReadOnly(flyway.getConfiguration().getDataSource());
        refuseNewerSchema(flyway.info());
        flyway.migrate();
    }

    /**
     * H2 opens a database whose file or folder it cannot write read-only, without a word: the service then
     * started, said it was ready, and answered every request 500 (each read writes an audit row), with
     * "The database is read only" deep in stack traces (its data folder mounted read-only, 2026-12-01).
     */
    static void refuseReadOnly(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().isReadOnly()) {
                throw new IllegalStateException("The database " + c.getMetaData().getURL() + " is open read-only: "
                        + "on the embedded H2 database its file or folder cannot be written by this process (the "
                        + "folder's owner or permissions, or a disk mounted read-only), and every request would fail. "
                        + "Make the data folder writable for the service's user and start again.");
            }
        } catch (SQLException e) {
            // the migrations that follow meet the same failure and report it
        }
    }

    static void refuseNewerSchema(MigrationInfoService info) {
        List<String> unknown = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(NewerSchemaGuard::describe)
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The database was migrated by a newer release of Authpack than this one: "
                    + "it has " + String.join(", ", unknown) + ", which this release does not know (it goes up to "
                    + newestKnown(info) + "). What this release wrote there would be read wrongly by the newer one. "
                    + "Start the newer release, or restore the backup taken before the upgrade to go back "
                    + "(docs/deploy.md, \"Upgrading to a new release\").");
        }
    }

    private static String describe(MigrationInfo migration) {
        return "V" + migration.getVersion() + " (" + migration.getDescription() + ")";
    }

    private static String newestKnown(MigrationInfoService info) {
        return Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparable::compareTo)
                .map(v -> "V" + v)
                .orElse("no migration");
    }
}
