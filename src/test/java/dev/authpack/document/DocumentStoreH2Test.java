package dev.authpack.document;

import dev.authpack.support.SharedServiceTest;

@SharedServiceTest
class DocumentStoreH2Test extends DocumentStoreContract {
}
