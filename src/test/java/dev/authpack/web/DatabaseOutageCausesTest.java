package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503, try again) and which stay what they were. */
class DatabaseOutageCausesTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("no connection to start a transaction with",
                        new CannotCreateTransactionException("x", new SQLTransientConnectionException("timed out")), true),
                Arguments.of("JdbcTemplate found no connection", new CannotGetJdbcConnectionException("x"), true),
                Arguments.of("the pool waited in vain, unwrapped", new SQLTransientConnectionException("timed out"), true),
                Arguments.of("PostgreSQL ended the connection (57P01), wrapped",
                        new IllegalStateException(new SQLException("terminating connection", "57P01")), true),
                Arguments.of("connection failure state 08006, wrapped twice",
                        new RuntimeException(new IllegalStateException(new SQLException("I/O error", "08006"))), true),
                Arguments.of("the rollback after a broken pooled connection",
                        new JpaSystemException(new RuntimeException(new SQLException("Connection is closed"))), true),
                Arguments.of("a unique key violated (23505)",
                        new DataIntegrityViolationException("x", new SQLException("duplicate key", "23505")), false),
                Arguments.of("a row lock waited too long", new CannotAcquireLockException("x"), false),
                Arguments.of("a statement closed by the code, with a state", new SQLException("Connection is closed", "HY000"), false),
                Arguments.of("a plain bug", new IllegalStateException("boom"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureIsAnOutageOnlyWhenTheDatabaseCouldNotBeReached(String what, Throwable failure, boolean outage) {
        assertThat(DatabaseOutage.causedBy(failure)).isEqualTo(outage);
    }
}
