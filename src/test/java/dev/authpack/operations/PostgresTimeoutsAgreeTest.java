package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A wait for a busy case must end with PostgreSQL's lock timeout ("Busy", press again), not with the driver
 * giving the connection up first ("Database unavailable", a new connection): start-up refuses settings in which
 * the socket timeout would come first. No connection is opened: the bounds are set on the pool before it starts.
 */
class PostgresTimeoutsAgreeTest {

    @ParameterizedTest(name = "lock {0}, socket {1}: starts {2}")
    @CsvSource(delimiter = '|', textBlock = """
            5s    | 30s   | true
            5s    | 0     | true
            0     | 0     | true
            5s    | 5s    | false
            5s    | 4500ms| false
            4500ms| 4500ms| true
            10s   | 5s    | false
            0     | 30s   | false
            """)
    void theSocketTimeoutMustOutlastTheLockTimeout(String lock, String socket, boolean starts) {
        PostgresConnectionBounds bounds = bounds(lock, socket);
        try (HikariDataSource pool = postgresPool()) {
            if (starts) {
                assertThatCode(() -> bounds.postProcessAfterInitialization(pool, "dataSource")).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> bounds.postProcessAfterInitialization(pool, "dataSource"))
                        .hasMessageContaining(PostgresConnectionBounds.SOCKET_TIMEOUT)
                        .hasMessageContaining(PostgresConnectionBounds.LOCK_TIMEOUT)
                        .hasMessageContaining("instead of 'Busy'");
            }
        }
    }

    @ParameterizedTest(name = "the operator's own {0} is not second-guessed")
    @CsvSource({"socketTimeout", "initSql"})
    void boundsTheOperatorSetThemselvesAreNotChecked(String ownSetting) {
        PostgresConnectionBounds bounds = bounds("10s", "5s");
        try (HikariDataSource pool = postgresPool()) {
            if (ownSetting.equals("socketTimeout")) {
                pool.addDataSourceProperty("socketTimeout", "60");
            } else {
                pool.setConnectionInitSql("SET lock_timeout = 1000");
            }
            assertThatCode(() -> bounds.postProcessAfterInitialization(pool, "dataSource")).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "H2 ignores lock {0} and socket {1}")
    @CsvSource({"10s, 5s", "0, 30s"})
    void anEmbeddedDatabaseIsNotChecked(String lock, String socket) {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:timeouts-agree");
            assertThat(bounds(lock, socket).postProcessAfterInitialization(pool, "dataSource")).isSameAs(pool);
        }
    }

    private static PostgresConnectionBounds bounds(String lock, String socket) {
        PostgresConnectionBounds bounds = new PostgresConnectionBounds();
        bounds.setEnvironment(new MockEnvironment().withProperty(PostgresConnectionBounds.LOCK_TIMEOUT, lock)
                .withProperty(PostgresConnectionBounds.SOCKET_TIMEOUT, socket));
        return bounds;
    }

    private static HikariDataSource postgresPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/authpack");
        return pool;
    }
}
