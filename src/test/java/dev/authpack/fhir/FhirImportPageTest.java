package dev.authpack.fhir;

import static dev.authpack.fhir.FhirTestSupport.bundle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Start from a FHIR bundle" as a clerk uses it, through the page and the session store the service
 * runs with: what the redirect carries to the case form is kept in the database-backed session, so
 * it must survive being written there.
 */
@SharedServiceTest
class FhirImportPageTest {

    @LocalServerPort
    int port;
    FormClient clerk;

    @BeforeEach
    void signIn() {
        clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        clerk.get("/cases/import");
    }

    @Test
    void anImportedBundleOpensTheDraftWithWhatWasTakenAndWhatWasLeftOut() {
        HttpResponse<String> imported = clerk.upload("/cases/import", "", bundle("conformant_pas_bundle_v110"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        String draft = URI.create(imported.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(draft).matches("/cases/[0-9a-f-]{36}/edit");
        String form = clerk.get(draft).body();
        assertThat(form).contains("id=\"fhir-import-summary\"", "Draft started from the FHIR bundle",
                "Taken from the bundle");
    }

    @Test
    void aBundleThatCannotBeReadIsRefusedOnThePageSayingWhy() {
        HttpResponse<String> refused = clerk.upload("/cases/import", "",
                "{\"resourceType\":\"Bundle\",".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"fhir-import-problems\"", "The bundle could not be imported");
    }
}
