package dev.authpack.operations;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to throw away a connection to an embedded H2 database that has closed
 * itself. H2 closes the whole database when it cannot write its file (the disk is full, the folder
 * became read-only) and every open connection then fails with "The database has been closed"
 * (90098), yet still answers the pool's validity check: the pool kept handing them out, and every
 * request failed until the service was restarted, although the disk had room again. A connection
 * thrown away is replaced by a new one, which opens the database from its file again (H2 falls back
 * to the last complete commit), so the service recovers by itself once the disk has room.
 *
 * <p>Named by {@code spring.datasource.hikari.exception-override-class-name}; HikariCP creates it by
 * reflection, hence public. PostgreSQL's broken connections (SQL state class 08) the pool already
 * recognises itself.
 */
public final class EvictClosedH2Connections implements SQLExceptionOverride {

    /** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN: the database of this connection is gone. */
    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        int code = e.getErrorCode();
        boolean h2 = e.getClass().getName().startsWith("org.h2.");
        return h2 && (code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN) ? Override.MUST_EVICT
                : Override.CONTINUE_EVICT;
    }
}
