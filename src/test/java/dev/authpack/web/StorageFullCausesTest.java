package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.multipart.MultipartException;

/** Which failures mean "the disk is full" (507, send it again later) and which stay what they were. */
class StorageFullCausesTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a write of the JVM on a full disk (ENOSPC), wrapped",
                        new UncheckedIOException(new IOException("No space left on device")), true),
                Arguments.of("a quota reached (EDQUOT)", new IOException("Disk quota exceeded"), true),
                Arguments.of("an upload the container could not spill to disk",
                        new MultipartException("x", new IOException("No space left on device")), true),
                Arguments.of("PostgreSQL's disk_full (53100)",
                        new DataAccessResourceFailureException("x", new SQLException("could not extend file", "53100")), true),
                Arguments.of("PostgreSQL out of memory (53200) is not the disk",
                        new RuntimeException(new SQLException("out of memory", "53200")), false),
                Arguments.of("a folder the service may not write", new AccessDeniedException("/srv/x"), false),
                Arguments.of("a client that went away", new IOException("Broken pipe"), false),
                Arguments.of("a plain bug", new IllegalStateException("boom"), false));
    }

    static Stream<Arguments> unwritable() {
        return Stream.of(
                Arguments.of("a scratch file on a folder remounted read-only (EROFS)",
                        new UncheckedIOException(new IOException("Read-only file system")), true),
                Arguments.of("an upload the container may not write (EACCES)",
                        new MultipartException("x", new FileNotFoundException("/srv/scratch/upload_1.tmp (Permission denied)")), true),
                Arguments.of("a folder whose permissions changed", new AccessDeniedException("/srv/scratch/x"), true),
                Arguments.of("H2 opened read-only (90097), wrapped",
                        new RuntimeException(new SQLException("The database is read only", "90097")), true),
                Arguments.of("a full disk is full, not unwritable", new IOException("No space left on device"), false),
                Arguments.of("a plain bug", new IllegalStateException("boom"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void aFailureIsAnUnwritableFolderOnlyWhenTheOperatingSystemSaysSo(String what, Throwable failure, boolean unwritable) {
        assertThat(StorageFull.unwritable(failure)).isEqualTo(unwritable);
    }

    static Stream<Arguments> fileHandles() {
        return Stream.of(
                Arguments.of("a scratch file the process could not open (EMFILE), wrapped",
                        new UncheckedIOException(new FileSystemException("/srv/scratch/x.tmp: Too many open files")), true),
                Arguments.of("a full disk", new IOException("No space left on device"), false),
                Arguments.of("a plain bug", new IllegalStateException("boom"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileHandles")
    void aFailureIsOutOfFileHandlesOnlyWhenTheOperatingSystemSaysSo(String what, Throwable failure, boolean out) {
        assertThat(StorageFull.outOfFileHandles(failure)).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureIsAFullDiskOnlyWhenTheOperatingSystemOrTheDatabaseSaysSo(String what, Throwable failure, boolean full) {
        assertThat(StorageFull.causedBy(failure)).isEqualTo(full);
    }
}
