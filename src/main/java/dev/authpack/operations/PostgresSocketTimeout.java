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
 * How long the PostgreSQL driver waits for the database to say anything before it gives the connection up
 * (pgjdbc's {@code socketTimeout}, {@code authpack.database.socket-timeout}, 30 s; 0 waits for ever, the
 * driver's own default). Without it, a database that falls silent without closing the connection (a
 * firewall dropping packets, a host that died, a network partition) kept every request that was waiting
 * for an answer waiting for ever, each holding a request thread and a connection, until the pool and then
 * the service stood still; the pool's own timeouts only cover taking a connection, not using it. Now such a
 * request fails after this long, is answered 503 "Database unavailable", and the broken connection is
 * replaced. Set on the pool's connections unless the URL or the pool's data-source properties name it.
 */
@Component
class PostgresSocketTimeout implements BeanPostProcessor, EnvironmentAware {

    static final String PROPERTY = "authpack.database.socket-timeout";
    private static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final String DRIVER_PROPERTY = "socketTimeout";

    private Duration timeout = DEFAULT;

    @Override
    public void setEnvironment(Environment environment) {
        timeout = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(DEFAULT);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getJdbcUrl().toLowerCase(Locale.ROOT).contains(DRIVER_PROPERTY.toLowerCase(Locale.ROOT) + "=")
                && !pool.getDataSourceProperties().containsKey(DRIVER_PROPERTY)) {
            pool.addDataSourceProperty(DRIVER_PROPERTY, seconds(timeout));
        }
        return bean;
    }

    /** The driver counts in whole seconds: a fraction is rounded up, so a short timeout never becomes 0 (for ever). */
    static String seconds(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(PROPERTY + " must be 0 (wait for ever) or more, not " + timeout);
        }
        long whole = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return String.valueOf(whole);
    }
}
