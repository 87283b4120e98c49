package dev.authpack.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** One PostgreSQL server per test JVM, started on first use and stopped when the JVM exits. */
public final class EmbeddedPostgresForTests {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresForTests() {
    }

    /**
     * Points a Spring context at the server's {@code postgres} database, through {@link OnSharedPostgres}: one
     * initializer class rather than a {@code @DynamicPropertySource} method per test class, so that the test
     * classes using it share one Spring context, as the H2 ones do.
     */
    public static final class SharedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url;
            synchronized (EmbeddedPostgresForTests.class) {
                url = server().getJdbcUrl("postgres", "postgres");
            }
            TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                    "spring.datasource.password=").applyTo(context);
        }
    }

    /**
     * A new, empty database on the shared server, for a test that runs the application itself (a child
     * JVM, a second instance) and must not see the other tests' rows. Commits wait for the write-ahead
     * log to reach the disk, as on a production server (the embedded server turns that off by default).
     * Connect as {@code postgres}, any password.
     */
    public static synchronized String newDatabase(String name) {
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
            s.execute("ALTER DATABASE " + name + " SET synchronous_commit = on");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        // no user in the URL: it would win over the user name a test configures
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    /**
     * A new, empty database on the shared server in a language's collation (ICU's {@code icuLocale}, such as
     * {@code en-US}), as production databases are usually created (en_US.UTF-8): the server's own databases
     * are in C.UTF-8. For a test of what the query planner may do under such a collation.
     */
    public static synchronized String newDatabase(String name, String icuLocale) {
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '" + icuLocale
                    + "' LOCALE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    /** The URL of the server's maintenance database, for statements about other databases. */
    public static synchronized String serverUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
        }
        return server;
    }
}
