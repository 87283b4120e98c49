package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused form is shown at the address it was posted to (so what was typed stays in it); reopened later from
 * the browser's history, a restored tab or a copied link, that address is opened with GET, which it does not
 * take. The browser is sent to the page the form is on instead of an error page saying the method is not
 * allowed (found by the random walker of session 22). API clients still get the 405 problem.
 */
@SharedServiceTest
class ReopenedFormAddressTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusedUserRowsAddressReopenedLeadsToTheUsersPage() {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        admin.get("/admin/users");
        String refused = admin.post("/admin/users/north.billing/name", "displayName", "Eve\u202Elin Ross").body();
        assertThat(refused).contains("contains a control or invalid character");

        assertLeadsTo(admin.open("/admin/users/north.billing/name"), "/admin/users");
        assertLeadsTo(admin.open("/admin/users/north.billing/access"), "/admin/users");
        assertLeadsTo(admin.open("/admin/users/north.billing/password"), "/admin/users");
        assertLeadsTo(admin.open("/admin/clinics/north/name"), "/admin/clinics");
    }

    @Test
    void aCaseFormsPostAddressReopenedLeadsToTheCasePage() {
        String id = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);

        for (String form : new String[] {"events", "packet", "estimate", "appeal-packet", "copy", "reauthorization",
                "attachments"}) {
            assertLeadsTo(clerk.open("/cases/" + id + "/" + form), "/cases/" + id);
        }
        assertLeadsTo(clerk.open("/cases/" + id + "/attachments/" + id + "/remove"), "/cases/" + id);
    }

    @Test
    void anAddressNoFormPostsToStaysNotFoundAndTheApiStillAnswers405() {
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        assertThat(clerk.open("/admin/nothing-here/name").statusCode()).isIn(403, 404);

        String id = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        ApiClient.Response packet = new ApiClient(port).get("/api/v1/cases/" + id + "/packet", "north.billing");
        assertThat(packet.status()).as(packet.text()).isEqualTo(405);
        assertThat(packet.header("Content-Type")).startsWith("application/problem+json");
    }

    private static void assertLeadsTo(HttpResponse<String> r, String page) {
        assertThat(r.statusCode()).as(r.uri() + " answered " + r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith(page);
    }
}
