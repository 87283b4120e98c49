package dev.authpack.operations;

import dev.authpack.core.ConflictException;
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
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve("authpack-" + STAMP.format(now) + ".zip").toAbsolutePath();
            // the path is ours (configured directory + timestamp), never the caller's; quotes doubled all the same
            jdbc.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            return new Backup(target.toString(), Files.size(target), sha256(target), now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
