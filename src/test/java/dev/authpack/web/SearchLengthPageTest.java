package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search box of the case list and of Recent documents takes at most 200 characters, by one rule
 * ({@link SessionSearch#keep}); a longer search, which only a script or a tampered form sends, is answered on the page
 * with a sentence naming the box, instead of being cut and searched for in silence.
 */
@SharedServiceTest
class SearchLengthPageTest {

    private static final String SENTENCE =
            "The &quot;Name, member id or date of birth&quot; box takes at most 200 characters; the search sent had 10,000."
                    + " It was not used: the list keeps the search it had.";

    @LocalServerPort
    int port;

    /**
     * 10,000 characters posted to either list's search: the page says the box takes 200 and how many were sent, the
     * box and the list keep the search before it, nothing of the long text is in the page or the address, and the
     * sentence is gone on the next visit; 200 characters are still a search.
     */
    @Test
    void aSearchLongerThanTheBoxTakesIsAnsweredOnTheListsPageNamingTheBoxAndTheSearchBeforeItStays() {
        created("Zetalength");
        FormClient billing = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        String tooLong = "Zetalength".repeat(1_000);

        for (String list : new String[] {"/cases", "/documents"}) {
            billing.get(list);
            assertThat(billing.post(list + "/search", "q", "Zetalength").statusCode()).isEqualTo(302);

            HttpResponse<String> refused = billing.post(list + "/search", "q", tooLong);

            assertThat(refused.statusCode()).as(list).isEqualTo(302);
            assertThat(URI.create(refused.headers().firstValue("Location").orElseThrow()).getRawQuery()).isNull();
            HttpResponse<String> page = billing.get(list);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(list).contains(SENTENCE, "id=\"q-error\"", "aria-describedby=\"q-hint q-error\"",
                    "aria-invalid=\"true\"", "value=\"Zetalength\"").doesNotContain("ZetalengthZetalength");
            assertThat(billing.get(list).body()).as(list + ", again").doesNotContain("q-error")
                    .contains("value=\"Zetalength\"");

            assertThat(billing.post(list + "/search", "q", "z".repeat(200)).statusCode()).isEqualTo(302);
            assertThat(billing.get(list).body()).as(list).contains("value=\"" + "z".repeat(200) + "\"")
                    .doesNotContain("q-error");
        }
        billing.get("/cases");
        billing.post("/cases/search", "q", "Zetalength");
        HttpResponse<String> withStatus = billing.post("/cases/search", "q", tooLong, "status", "DRAFT");
        assertThat(withStatus.headers().firstValue("Location").orElseThrow()).endsWith("/cases?status=DRAFT");
        assertThat(billing.get("/cases?status=DRAFT").body()).contains(SENTENCE, "value=\"Zetalength\"");
    }

    private void created(String lastName) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("lastName", lastName);
        assertThat(new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.json(tree)).status()).isEqualTo(201);
    }
}
