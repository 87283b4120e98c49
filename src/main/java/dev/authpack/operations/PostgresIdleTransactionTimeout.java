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
 * How long PostgreSQL keeps a transaction of the service open while no statement comes
 * ({@code idle_in_transaction_session_timeout}, {@code authpack.database.idle-in-transaction-timeout}, 2 min;
 * 0 for ever, PostgreSQL's default), after which the database ends the connection and rolls it back. When
 * the network between an instance and the database is cut in the middle of a transaction, the instance
 * gives its side up (the socket timeout) but the database never hears of it: its side waited, holding the
 * transaction's row locks, until the operating system's TCP keepalive noticed, two hours by default. Every
 * request for those rows (the case, the clerk's web session) was meanwhile answered "Busy", or 500 for a
 * page. The service never leaves a transaction idle that long (the longest is a packet waiting for its turn
 * and being rendered). Passed as a start-up option of each connection, unless the URL or the pool names
 * {@code options} itself.
 */
@Component
class PostgresIdleTransactionTimeout implements BeanPostProcessor, EnvironmentAware {

    static final String PROPERTY = "authpack.database.idle-in-transaction-timeout";
    private static final Duration DEFAULT = Duration.ofMinutes(2);
    private static final String DRIVER_PROPERTY = "options";

    private Duration timeout = DEFAULT;

    @Override
    public void setEnvironment(Environment environment) {
        timeout = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(DEFAULT);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getJdbcUrl().toLowerCase(Locale.ROOT).contains(DRIVER_PROPERTY + "=")
                && !pool.getDataSourceProperties().containsKey(DRIVER_PROPERTY)) {
            pool.addDataSourceProperty(DRIVER_PROPERTY, option(timeout));
        }
        return bean;
    }

    static String option(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(PROPERTY + " must be 0 (for ever) or more, not " + timeout);
        }
        return "-c idle_in_transaction_session_timeout=" + timeout.toMillis();
    }
}
