package dev.authpack.document;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same migrations and mapping on a real PostgreSQL (embedded binaries, no Docker). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "authpack.demo.enabled=false")
class DocumentStorePostgresTest extends DocumentStoreContract {

    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start();
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        // the Spring context is cached and may still hold connections; closing the server is enough
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
