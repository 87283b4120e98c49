package dev.authpack.operations;

import dev.authpack.core.ConflictException;
import dev.authpack.core.StorageFullException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Online backup of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent copy of the
 * open database into a zip while the service keeps working. No other process can open the embedded
 * file while the service runs, so the service has to take the backup itself. PostgreSQL is backed up
 * with pg_dump from outside (docs/deploy.md).
 */
@Service
class H2Backup {

    private static final Logger log = LoggerFactory.getLogger(H2Backup.class);
    private static final long MIN_RESERVE = 64L << 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Path directory;
    private final Clock clock;

    H2Backup(DataSource dataSource, @Value("${authpack.backup.dir:backups}") Path directory, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.directory = directory;
        this.clock = clock;
    }

    /** A finished backup: where it is, how big, and the SHA-256 to check a copy against. */
    record Backup(String file, long bytes, String sha256, Instant createdAt) {
    }

    Backup create() {
        if (!isH2File()) {
            throw new ConflictException("No online backup of this database", "Only the embedded H2 database is backed up through the service; back up "
                    + "PostgreSQL with pg_dump (docs/deploy.md, \"Backups\").");
        }
        Instant now = clock.instant();
        Path target = directory.resolve("authpack-" + STAMP.format(now) + ".zip").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            ensureRoom();
            // the path is ours (configured directory + timestamp), never the caller's; quotes doubled all the same
            jdbc.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            return new Backup(target.toString(), Files.size(target), sha256(target), now);
        } catch (IOException | RuntimeException e) {
            // a half-written zip looks like a backup to whoever lists the folder, and keeps the disk full
            deleteQuietly(target);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    /**
     * Refuses a backup that would fill the disk. By default the backups are written beside the database
     * (both relative to the working directory), and a backup that filled the disk made H2 close the
     * database under every request in flight (found on a 40 MB disk, 2026-12-01). The zip is at most
     * about the size of the database file; what must stay free after it is a tenth of that, at least 64 MiB,
     * for the database to go on writing.
     */
    private void ensureRoom() throws IOException {
        String path = jdbc.queryForObject("CALL DATABASE_PATH()", String.class);
        if (path == null) {
            return;
        }
        Path file = Path.of(path + ".mv.db");
        long needed = Files.exists(file) ? Files.size(file) : 0;
        long free = Files.getFileStore(directory).getUsableSpace();
        long reserve = Math.max(needed / 10, MIN_RESERVE);
        if (free < needed + reserve) {
            log.warn("Backup refused: {} MB free in {}, a backup needs up to {} MB and {} MB must stay free",
                    free >> 20, directory.toAbsolutePath(), needed >> 20, reserve >> 20);
            throw new StorageFullException("Not enough free disk space for a backup: " + (free >> 20) + " MB free in "
                    + "the backup folder, up to " + (needed >> 20) + " MB needed plus " + (reserve >> 20) + " MB that "
                    + "must stay free. Nothing was written. Make room, or set authpack.backup.dir to another disk.");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the answer says the backup failed; a leftover is the operator's to remove
        }
    }

    private boolean isH2File() {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
