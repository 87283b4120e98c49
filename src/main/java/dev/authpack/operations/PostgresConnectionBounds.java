package dev.authpack.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How long the service's PostgreSQL connections wait, each bound set on the pool unless the operator set it
 * there (URL, data-source property or init statement); 0 waits for ever, the driver's and PostgreSQL's own
 * default, which is what made each of them necessary:
 * <ul>
 * <li>{@code authpack.database.lock-timeout} (5 s, {@code lock_timeout}): a statement waiting for a row
 * another transaction holds. H2 gives up after its own lock timeout and the request is answered "Busy" (API
 * 503 with {@code Retry-After}; the pages say to press again); PostgreSQL waited for ever, so when an instance
 * stalled in the middle of a change every other instance's request for that case waited with it, holding a
 * thread and a connection each, until the pool ran dry.</li>
 * <li>{@code authpack.database.socket-timeout} (30 s, pgjdbc's {@code socketTimeout}): the database saying
 * nothing at all. A database that falls silent without closing the connection (packets dropped, its host
 * gone) kept every request waiting for an answer waiting for ever; the pool's own timeouts only cover taking
 * a connection. Now such a request is answered 503 "Database unavailable" and the connection replaced.</li>
 * <li>{@code authpack.database.idle-in-transaction-timeout} (2 min, {@code idle_in_transaction_session_timeout}):
 * the database's side of a transaction whose client went quiet. When the network is cut mid-transaction the
 * instance gives its side up (the socket timeout) but the database never hears of it and held the row locks
 * until TCP keepalive noticed, two hours by default: the case stayed "Busy" and the clerk whose session row it
 * held got an error on every page. The service never leaves a transaction idle that long.</li>
 * </ul>
 */
@Component
class PostgresConnectionBounds implements BeanPostProcessor, EnvironmentAware {

    static final String LOCK_TIMEOUT = "authpack.database.lock-timeout";
    static final String SOCKET_TIMEOUT = "authpack.database.socket-timeout";
    static final String IDLE_IN_TRANSACTION_TIMEOUT = "authpack.database.idle-in-transaction-timeout";

    private Duration lockTimeout = Duration.ofSeconds(5);
    private Duration socketTimeout = Duration.ofSeconds(30);
    private Duration idleInTransactionTimeout = Duration.ofMinutes(2);

    @Override
    public void setEnvironment(Environment environment) {
        Binder binder = Binder.get(environment);
        lockTimeout = binder.bind(LOCK_TIMEOUT, Duration.class).orElse(lockTimeout);
        socketTimeout = binder.bind(SOCKET_TIMEOUT, Duration.class).orElse(socketTimeout);
        idleInTransactionTimeout = binder.bind(IDLE_IN_TRANSACTION_TIMEOUT, Duration.class).orElse(idleInTransactionTimeout);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            boolean setsLock = pool.getConnectionInitSql() == null;
            boolean setsSocket = !namesDriverProperty(pool, "socketTimeout");
            if (setsLock && setsSocket) {
                refuseSocketTimeoutWithinLockTimeout(lockTimeout, socketTimeout);
            }
            if (setsLock && !lockTimeout.isZero()) {
                pool.setConnectionInitSql(lockStatement(lockTimeout));
            }
            if (setsSocket) {
                pool.addDataSourceProperty("socketTimeout", socketSeconds(socketTimeout));
            }
            if (!namesDriverProperty(pool, "options")) {
                pool.addDataSourceProperty("options", idleOption(idleInTransactionTimeout));
            }
        }
        return bean;
    }

    /**
     * A statement waiting for a held row must hear "lock timeout" from the database before the driver stops
     * listening: otherwise every wait for a busy case ends as a dropped connection, answered "Database unavailable"
     * instead of "Busy" and the pool made to open a new one, the very waits the lock timeout exists to end well.
     */
    static void refuseSocketTimeoutWithinLockTimeout(Duration lockTimeout, Duration socketTimeout) {
        if (socketTimeout.isZero()) {
            return; // the driver listens for ever
        }
        Duration listens = Duration.ofSeconds(Long.parseLong(socketSeconds(socketTimeout)));
        if (lockTimeout.isZero() || listens.compareTo(lockTimeout) <= 0) {
            throw new IllegalStateException(SOCKET_TIMEOUT + " (" + socketTimeout + ") must be longer than "
                    + LOCK_TIMEOUT + " (" + (lockTimeout.isZero() ? "0, wait for ever" : lockTimeout) + "): a wait "
                    + "for a busy case would end as a dropped connection, answered 'Database unavailable' instead of "
                    + "'Busy'");
        }
    }

    private static boolean namesDriverProperty(HikariDataSource pool, String property) {
        return pool.getJdbcUrl().toLowerCase(Locale.ROOT).contains(property.toLowerCase(Locale.ROOT) + "=")
                || pool.getDataSourceProperties().containsKey(property);
    }

    static String lockStatement(Duration timeout) {
        return "SET lock_timeout = " + notNegative(LOCK_TIMEOUT, timeout).toMillis();
    }

    /** The driver counts in whole seconds: a fraction is rounded up, so a short timeout never becomes 0 (for ever). */
    static String socketSeconds(Duration timeout) {
        notNegative(SOCKET_TIMEOUT, timeout);
        return String.valueOf(timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0));
    }

    static String idleOption(Duration timeout) {
        return "-c idle_in_transaction_session_timeout=" + notNegative(IDLE_IN_TRANSACTION_TIMEOUT, timeout).toMillis();
    }

    private static Duration notNegative(String property, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(property + " must be 0 (wait for ever) or more, not " + timeout);
        }
        return timeout;
    }
}
