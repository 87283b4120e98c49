package dev.authpack.document;

import dev.authpack.support.EmbeddedPostgresForTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same migrations and mapping on a real PostgreSQL (embedded binaries, no Docker). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentStorePostgresTest extends DocumentStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresForTests.register(registry);
    }
}
