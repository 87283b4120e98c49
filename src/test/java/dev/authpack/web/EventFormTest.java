package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case page's event forms without JavaScript: a refused event comes back worded for the clerk, with what was typed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventFormTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusedEventNamesTheFieldByItsLabelAndKeepsWhatWasTyped() {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).status()).isEqualTo(201);
        FormClient clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        String page = "/cases/" + id;
        clerk.get(page);
        assertThat(clerk.post(page + "/events", "type", "SUBMITTED", "date", "2026-11-20", "channel", "FAX")
                .statusCode()).isEqualTo(302);

        clerk.get(page);
        HttpResponse<String> refused = clerk.post(page + "/events", "type", "APPROVED", "date", "2026-11-25",
                "authorizationNumber", "AUTH-778812", "approvedFrom", "2026-12-10", "approvedTo", "2026-12-01",
                "approvedSessions", "8");
        assertThat(refused.statusCode()).isEqualTo(302);
        String shown = clerk.get(page).body();

        assertThat(shown).contains("Approved to: must not be before “Approved from”")
                .contains("value=\"AUTH-778812\"", "value=\"2026-12-10\"", "value=\"2026-12-01\"", "value=\"8\"");

        String reason = "The documentation does not show two adequate trials. ".repeat(20).strip();
        clerk.post(page + "/events", "type", "DENIED", "date", "2026-02-30", "reason", reason);
        String again = clerk.get(page).body();

        assertThat(again).contains("Date: ").contains(reason).doesNotContain("date must be");
    }
}
