package dev.authpack.authorization;

import static dev.authpack.authorization.LifecycleHttp.BILLING;
import static dev.authpack.authorization.LifecycleHttp.CLINIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A submission of a packet made before the case's last change is answered PACKET_OUTDATED; a week later
 * the event list and the case page's timeline still say so, after a new packet was made and sent, so
 * that billing staff and auditors can tell the payer got a packet older than the case.
 */
@SharedServiceTest
class OutdatedPacketSubmissionKeptTest {

    static final String TIMELINE_WORDS = "Sent with a packet made before the last change to the case";
    static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    LifecycleHttp http;

    @BeforeEach
    void setUp() {
        http = new LifecycleHttp(new ApiClient(port));
    }

    @Test
    void theEventListStillSaysASubmissionWentWithAPacketMadeBeforeTheCasesLastChange() {
        String current = http.caseWithPacket();
        String changed = http.caseWithPacket();
        moveTheFacility(changed);

        http.ok(current, LifecycleHttp.submitted(TODAY.minusDays(3)));
        JsonNode answer = http.ok(changed, LifecycleHttp.submitted(TODAY.minusDays(3)));
        http.ok(changed, LifecycleHttp.pended(TODAY.minusDays(2)));
        newPacket(changed);
        http.ok(changed, LifecycleHttp.submitted(TODAY.minusDays(1)));

        assertThat(warnings(answer.get("event"))).containsExactly("PACKET_OUTDATED");
        for (String user : List.of(BILLING, CLINIC)) {
            JsonNode events = events(changed, user);
            assertThat(events).hasSize(3);
            assertThat(warnings(events.get(0))).as(user + ": the outdated submission").containsExactly("PACKET_OUTDATED");
            assertThat(events.get(1).has("recordedWarnings")).as(user + ": the pend").isFalse();
            assertThat(events.get(2).has("recordedWarnings")).as(user + ": the submission of the new packet").isFalse();
            assertThat(events.get(0).get("type").asString()).isEqualTo("SUBMITTED");
            assertThat(events.get(0).get("channel").asString()).isEqualTo("FAX");
        }
        assertThat(events(current, BILLING).get(0).has("recordedWarnings")).as("a current packet's submission").isFalse();
    }

    @Test
    void theCasePageTimelineStillSaysASubmissionWentWithAPacketMadeBeforeTheCasesLastChange() {
        String current = http.caseWithPacket();
        String changed = http.caseWithPacket();
        moveTheFacility(changed);
        FormClient clerk = new FormClient(port).signIn(BILLING, "demo-pass-2026");
        String page = "/cases/" + changed;

        clerk.get(page);
        assertThat(clerk.post(page + "/events", "type", "SUBMITTED", "date", TODAY.minusDays(1).toString(),
                "channel", "FAX").statusCode()).isEqualTo(302);
        String rightAfter = clerk.get(page).body();
        String later = clerk.get(page).body();
        http.ok(current, LifecycleHttp.submitted(TODAY.minusDays(1)));

        assertThat(rightAfter).contains("id=\"event-warnings\"");
        assertThat(later).as("the answer's warning is said once, right after recording").doesNotContain("id=\"event-warnings\"");
        assertThat(timeline(later)).contains("data-warning=\"PACKET_OUTDATED\"", TIMELINE_WORDS);
        String clinic = new FormClient(port).signIn(CLINIC, "demo-pass-2026").get(page).body();
        assertThat(timeline(clinic)).contains(TIMELINE_WORDS);
        String fresh = clerk.get("/cases/" + current).body();
        assertThat(timeline(fresh)).contains("data-type=\"SUBMITTED\"").doesNotContain(TIMELINE_WORDS, "data-warning");
    }

    private JsonNode events(String id, String user) {
        Response r = http.api().get("/api/v1/cases/" + id + "/events", user);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<String> warnings(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.path("recordedWarnings").forEach(w -> out.add(w.asString()));
        return out;
    }

    /** The case page's timeline, from its list to the list's end. */
    private static String timeline(String html) {
        int start = html.indexOf("id=\"auth-timeline\"");
        assertThat(start).as("the page has a timeline").isPositive();
        return html.substring(start, html.indexOf("</ol>", start));
    }

    private void moveTheFacility(String id) {
        ObjectNode kase = (ObjectNode) http.api().get("/api/v1/cases/" + id, BILLING).json();
        ((ObjectNode) kase.get("facility")).put("address", "2 Elm St, Springfield, MA 01101");
        Response saved = http.api().put("/api/v1/cases/" + id, BILLING, Samples.json(kase));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    private void newPacket(String id) {
        Response packet = http.api().post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
    }
}
