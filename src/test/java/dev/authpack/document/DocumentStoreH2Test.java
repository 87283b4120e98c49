package dev.authpack.document;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.datasource.url=jdbc:h2:mem:documents;DB_CLOSE_DELAY=-1", "authpack.demo.enabled=false"})
class DocumentStoreH2Test extends DocumentStoreContract {
}
