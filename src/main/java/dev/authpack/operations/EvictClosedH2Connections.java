package dev.authpack.operations;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells the connection pool to throw away the connections to an embedded H2 database that has closed
 * itself. H2 closes the whole database when it cannot write its file (the disk is full, the folder
 * became read-only), and every open connection then fails with "The database has been closed" (90098)
 * yet still passes the pool's validity check: the pool kept handing them out, and every request failed
 * until the service was restarted, although the disk had room again. Worse, a statement begun on such a
 * connection could spin forever in H2 ({@code MVStore.registerVersionUsage}, a request thread at full
 * CPU, seen on a full 40 MB disk on 2026-12-01). So the first connection found closed makes the pool
 * replace all of them (idle ones at once, those in use when returned); the new ones open the database from
 * its file again (H2 falls back to the last complete commit), and the service recovers by itself once the
 * disk has room.
 *
 * <p>Named by {@code spring.datasource.hikari.exception-override-class-name}; HikariCP creates it by
 * reflection, hence public, and without a reference to its pool, hence the pools registered by the bean
 * below. PostgreSQL's broken connections (SQL state class 08) the pool already recognises itself.
 */
public final class EvictClosedH2Connections implements SQLExceptionOverride {

    /** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN: the database of this connection is gone. */
    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    /** The embedded-H2 pools of this JVM's running contexts (tests run several; one in production). */
    private static final Set<HikariDataSource> POOLS = ConcurrentHashMap.newKeySet();

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        int code = e.getErrorCode();
        boolean h2 = e.getClass().getName().startsWith("org.h2.");
        if (h2 && (code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN || storeFailed(e))) {
            for (HikariDataSource pool : POOLS) {
                HikariPool running = (HikariPool) pool.getHikariPoolMXBean();
                if (running != null) {
                    running.softEvictConnections();
                }
            }
            return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }

    /**
     * The statement that met the failed write itself: H2 reports it as a general error caused by its store
     * (MVStoreException over the IOException), not yet as "closed". Its connection must go too, before the rollback that follows:
     * H2's rollback on the store it has just closed never returned (the spin above); on a connection the
     * pool has dropped, the rollback fails at once with "Connection is closed".
     */
    private static boolean storeFailed(SQLException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            // a file failure (its cause an IOException), not the store's other errors such as a lock timeout
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException") && t.getCause() instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Registers the service's pool while its context runs, when it is one to an H2 file database. */
    @Component
    static class Pools implements DisposableBean {

        private final HikariDataSource pool;

        Pools(DataSource dataSource) throws SQLException {
            HikariDataSource hikari = dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class) : null;
            this.pool = hikari != null && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:h2:")
                    ? hikari : null;
            if (pool != null) {
                POOLS.add(pool);
            }
        }

        @java.lang.Override
        public void destroy() {
            if (pool != null) {
                POOLS.remove(pool);
            }
        }
    }
}
