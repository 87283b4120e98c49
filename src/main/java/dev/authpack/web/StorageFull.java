package dev.authpack.web;

import dev.authpack.core.StorageFullException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Whether a failure means the disk the service or its database writes to is full, and the answer for
 * it: 507 with {@code Retry-After}, not a 500. A full disk is not the caller's doing and not a bug: the
 * request did nothing and can be sent again once the operator has made room, which "Internal error"
 * and a stack trace per request (the embedded database's file, the scratch folder, a backup) did not say.
 */
final class StorageFull {

    static final int RETRY_AFTER_SECONDS = 60;
    static final String TITLE = "Storage full";
    static final String DETAIL = "The server's disk is full, so the request was not completed and nothing of it "
            + "was stored. Send it again once whoever runs Authpack has made room (a write with the same "
            + "Idempotency-Key, which is safe).";

    static final String UNWRITABLE_TITLE = "Storage not writable";
    static final String UNWRITABLE_DETAIL = "The server cannot write to a folder it needs (it is read-only or not "
            + "permitted), so the request was not completed and nothing of it was stored. Send it again later; if "
            + "it lasts, tell whoever runs Authpack.";

    /** The operating system's words for ENOSPC and EDQUOT (Linux, macOS), as Java's IOException carries them. */
    private static final String[] DISK_FULL = {"No space left on device", "Disk quota exceeded"};
    /** PostgreSQL's SQL state disk_full (class 53, insufficient resources). */
    private static final String POSTGRES_DISK_FULL = "53100";
    /** H2's "The database is read only": its file could not be written when it was opened. */
    private static final String H2_READ_ONLY = "90097";

    static final String NO_FILE_HANDLES_TITLE = "Busy";
    static final String NO_FILE_HANDLES_DETAIL = "The server has too many files and connections open at this moment, "
            + "so the request was not completed and nothing of it was stored. Send it again in a few seconds.";
    static final int NO_FILE_HANDLES_RETRY_AFTER_SECONDS = 5;

    private StorageFull() {
    }

    static boolean causedBy(Throwable failure) {
        return anyCause(failure, t -> t instanceof StorageFullException
                || t instanceof IOException && says(t, DISK_FULL)
                || t instanceof SQLException sql && POSTGRES_DISK_FULL.equals(sql.getSQLState()));
    }

    /**
     * A folder of the service that cannot be written: remounted read-only (EROFS) or its permissions changed
     * under the running service (EACCES), e.g. the scratch folder. Not the caller's doing either: an upload was
     * answered 400 "could not be read" and a packet 500.
     */
    static boolean unwritable(Throwable failure) {
        return anyCause(failure, t -> t instanceof AccessDeniedException
                || t instanceof IOException && says(t, "Read-only file system", "Permission denied")
                || t instanceof SQLException sql && H2_READ_ONLY.equals(sql.getSQLState()));
    }

    /**
     * The process ran out of file descriptors (EMFILE, ENFILE: {@code ulimit -n} reached under many requests at
     * once). Momentary, like a full generation queue: a packet that could not open its scratch file was a 500
     * "Internal error" with a stack trace (ulimit -n 200, 450 connections held open, 2026-12-01).
     */
    static boolean outOfFileHandles(Throwable failure) {
        return anyCause(failure, t -> t instanceof IOException && says(t, "Too many open files"));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean says(Throwable t, String... words) {
        String message = t.getMessage();
        return message != null && Arrays.stream(words).anyMatch(message::contains);
    }
}
