package dev.authpack.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached (down, restarting, refusing connections,
 * the pool waiting in vain), and the answer for it: 503 with {@code Retry-After}, not a 500. Clients
 * and clerks can do something with "not available, try again in a minute"; an "internal error" for
 * every request during a database restart tells them nothing and fills the log with stack traces.
 */
final class DatabaseOutage {

    static final int RETRY_AFTER_SECONDS = 30;
    static final String TITLE = "Database unavailable";
    static final String DETAIL = "The service cannot reach its database right now, so the request was not "
            + "completed. Send it again in a minute (a write with the same Idempotency-Key, which is safe).";

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // SQL state class 08 is "connection exception"; 57P is PostgreSQL's shutdown and "cannot connect now"
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // HikariCP closes a pooled connection once it has failed with a connection-level state (above);
            // the rollback that follows then fails with this, which hides the first failure
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
