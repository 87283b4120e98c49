package dev.authpack.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How long a statement on PostgreSQL waits for a row another transaction holds before it gives up
 * ({@code lock_timeout}, {@code authpack.database.lock-timeout}, 5 s; 0 waits for ever, PostgreSQL's own
 * default). H2 gives up after its own lock timeout and the request is answered "Busy" (API 503 with
 * {@code Retry-After}; the pages say to press again). PostgreSQL waited for ever: when an instance stalls
 * in the middle of a change (a long pause, a lost network), every other instance's request for the same
 * case waited with it, holding a request thread and a connection each, until the pool ran dry. Set on each
 * new connection of the pool, unless the operator gave the pool an init statement of their own.
 */
@Component
class PostgresLockTimeout implements BeanPostProcessor, EnvironmentAware {

    static final String PROPERTY = "authpack.database.lock-timeout";
    private static final Duration DEFAULT = Duration.ofSeconds(5);

    private Duration timeout = DEFAULT;

    @Override
    public void setEnvironment(Environment environment) {
        timeout = Binder.get(environment).bind(PROPERTY, Duration.class).orElse(DEFAULT);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null
                && !timeout.isZero()) {
            pool.setConnectionInitSql(statement(timeout));
        }
        return bean;
    }

    static String statement(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(PROPERTY + " must be 0 (wait for ever) or more, not " + timeout);
        }
        return "SET lock_timeout = " + timeout.toMillis();
    }
}
