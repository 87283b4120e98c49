package dev.authpack.document;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentStoreH2Test extends DocumentStoreContract {
}
