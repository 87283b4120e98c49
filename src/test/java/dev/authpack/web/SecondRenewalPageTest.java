package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Start reauthorization" on the case page without JavaScript: once a renewal was started, the page
 * links it and a second press starts nothing unless the clerk ticks that another one is wanted. The
 * API still starts one per call, as the contract says.
 */
@SharedServiceTest
class SecondRenewalPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondRenewalFromTheCasePageNeedsTheClerksExplicitYes() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.approvedCase(LocalDate.now().minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        assertThat(clerk.get(page).body()).contains("Start reauthorization").doesNotContain("id=\"renewed-by\"");

        HttpResponse<String> first = clerk.post(page + "/reauthorization");
        assertThat(first.statusCode()).isEqualTo(302);
        String renewal = first.headers().firstValue("Location").orElseThrow().replaceAll(".*/cases/", "");
        assertThat(renewals(id)).containsExactly(renewal);

        String shown = clerk.get(page).body();
        assertThat(shown).contains("Renewal started:", "href=\"/cases/" + renewal + "\"", "Start another renewal",
                "name=\"another\"").doesNotContain(">Start reauthorization<");

        HttpResponse<String> again = clerk.post(page + "/reauthorization");
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(page + "#authorization");
        assertThat(renewals(id)).as("nothing started without the clerk's yes").containsExactly(renewal);
        assertThat(clerk.get(page).body()).contains("id=\"event-problems\"",
                "Nothing was started: a renewal of this case was already started");

        HttpResponse<String> confirmed = clerk.post(page + "/reauthorization", "another", "true");
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).doesNotEndWith("#authorization");
        assertThat(renewals(id)).hasSize(2).startsWith(renewal);

        // the API is the contract's: every call starts one, with no question asked
        assertThat(lifecycle.api().post("/api/v1/cases/" + id + "/reauthorization", LifecycleHttp.BILLING, new byte[0], null)
                .status()).isEqualTo(201);
        assertThat(renewals(id)).hasSize(3);

        // each link says which renewal it is, so three links do not read alike
        String today = LocalDate.now().toString();
        assertThat(clerk.get(page).body()).contains(
                ">renewal 1, started " + today + "</a>", ">renewal 2, started " + today + "</a>",
                ">renewal 3, started " + today + "</a>");
    }

    /** The box sends "true"; any other value (an edited page, a script) is said on the case page and starts nothing. */
    @Test
    void aSecondRenewalBoxThatIsNotTrueOrFalseComesBackToTheCasePageNamingItAndStartsNothing() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.approvedCase(LocalDate.now().minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        clerk.get(page);

        HttpResponse<String> tampered = clerk.post(page + "/reauthorization", "another", "maybe");

        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(302);
        assertThat(tampered.headers().firstValue("Location").orElseThrow()).endsWith(page + "#authorization");
        assertThat(clerk.get(page).body()).contains("id=\"unread-value\"", "Nothing was done: the box "
                + "“Yes, start a second renewal of this case” must be true or false").doesNotContain("Something went wrong");
        assertThat(renewals(id)).isEmpty();
    }

    private List<String> renewals(String caseId) {
        return jdbc.queryForList("select case_id from case_renewals where previous_case_id = ? order by created_at",
                String.class, caseId);
    }
}
