package dev.authpack.support;

import dev.authpack.authorization.V118__Replay_case_authorizations;
import dev.authpack.authorization.V122__Replay_case_authorizations_again;
import dev.authpack.casefile.V115__Fill_case_list_columns;
import dev.authpack.casefile.V121__Refill_case_list_columns;
import dev.authpack.casefile.V125__Fill_case_name_search_key;
import dev.authpack.casefile.V126__Refill_case_name_search_key;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Flyway configured as the service configures it at start-up: the locations application.properties
 * gives, with {@code {vendor}} filled in as Spring Boot fills it, and the Java migrations Spring Boot
 * passes in as beans. For tests that prepare a database the way an operator's upgrade would.
 */
public final class ServiceMigrations {

    private ServiceMigrations() {
    }

    /** A new, empty in-memory H2 database named {@code name}, open until the test JVM ends. */
    public static DataSource emptyH2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** A new, empty database named {@code name} on the tests' PostgreSQL server. */
    public static DataSource emptyPostgres(String name) {
        return postgresAt(EmbeddedPostgresForTests.newDatabase(name));
    }

    /** The database at {@code url} on the tests' PostgreSQL server, for a test that also starts the service on it. */
    public static DataSource postgresAt(String url) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        return pg;
    }

    /** {@code vendor} is {@code h2} or {@code postgresql}; set the data source on the result. */
    public static FluentConfiguration flyway(String vendor) {
        return Flyway.configure().locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .javaMigrations(new V115__Fill_case_list_columns(), new V118__Replay_case_authorizations(),
                        new V121__Refill_case_list_columns(), new V122__Replay_case_authorizations_again(),
                        new V125__Fill_case_name_search_key(), new V126__Refill_case_name_search_key());
    }
}
