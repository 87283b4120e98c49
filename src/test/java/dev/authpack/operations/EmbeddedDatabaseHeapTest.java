package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ServiceMigrations;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded H2 database, migrated as the service migrates it, does not keep the PDFs it stores in
 * the service's heap. Before migration V113 it did: file contents lay inside their rows, and MVStore's
 * page cache held whole rows while counting them as a few bytes against its 16 MB. Measured with this
 * test's set-up, the heap kept after a full collection grew by 125, 150 and 226 MB after 4, 8 and 16
 * files of 24 MB; with V113 by ~62 MB in each case. On a grown instance, max-size uploads were refused
 * for want of heap (docs/performance.md, "Large request bodies").
 */
class EmbeddedDatabaseHeapTest {

    private static final int FILE_BYTES = 24_000_000;
    private static final int FILES_PER_TABLE = 4;

    @TempDir
    Path dir;

    @Test
    void storedFilesDoNotStayInTheHeapBeyondTheDatabaseCache() throws SQLException {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("authpack") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        db.setUser("authpack");
        ServiceMigrations.flyway("h2").dataSource(db).load().migrate();
        // the service's connection pool keeps the database open; H2 closes it with its last connection
        SingleConnectionDataSource pool = new SingleConnectionDataSource(db.getConnection(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.update("INSERT INTO clinics (id, name) VALUES ('heap', 'Heap Clinic')");
            jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version,"
                    + " created_at, updated_at, data) VALUES ('c', 'heap', 'u', 'u', 'DRAFT', FALSE, 0,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{}')");
            byte[] file = new byte[FILE_BYTES];
            new Random(13).nextBytes(file);

            long before = liveHeap();
            storeAndReadBack(jdbc, file);
            long kept = liveHeap() - before;

            assertThat(kept).as("heap kept after %d files of %d MB were stored and read back", 2 * FILES_PER_TABLE,
                    FILE_BYTES / 1_000_000).isLessThan(FILES_PER_TABLE * (long) FILE_BYTES);
            jdbc.execute("SHUTDOWN");
        } finally {
            pool.destroy();
        }
    }

    private static void storeAndReadBack(JdbcTemplate jdbc, byte[] file) {
        for (int i = 0; i < FILES_PER_TABLE; i++) {
            String id = "f" + i;
            jdbc.update("INSERT INTO documents (id, case_id, clinic_id, kind, content, sha256, pages, created_by,"
                    + " created_at) VALUES (?, 'c', 'heap', 'PACKET', ?, 's', 1, 'u', CURRENT_TIMESTAMP)", id, file);
            jdbc.update("INSERT INTO attachments (id, case_id, clinic_id, title, content, sha256, pages, created_by,"
                    + " created_at, sort_order) VALUES (?, 'c', 'heap', 't', ?, 's', 1, 'u', CURRENT_TIMESTAMP, ?)",
                    id, file, i);
        }
        for (int i = 0; i < FILES_PER_TABLE; i++) {
            String id = "f" + i;
            assertThat(Arrays.equals(read(jdbc, "documents", id), file)).as("document %s read back", id).isTrue();
            assertThat(Arrays.equals(read(jdbc, "attachments", id), file)).as("attachment %s read back", id).isTrue();
        }
    }

    private static byte[] read(JdbcTemplate jdbc, String table, String id) {
        return jdbc.queryForObject("SELECT content FROM " + table + " WHERE id = ?", byte[].class, id);
    }

    /**
     * The heap in use after full collections: the least of five readings, because the suite's other Spring
     * contexts keep threads (pools, schedulers, a shutting-down instance) whose short-lived allocations can
     * land between a collection and its reading. Once the suite read 187 MB kept where the test alone reads
     * 62 MB; what the database really keeps is there in every reading.
     */
    private static long liveHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return least;
    }
}
