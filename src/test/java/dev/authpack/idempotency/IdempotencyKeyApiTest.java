package dev.authpack.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.security.Actor;
import dev.authpack.security.Role;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes sent again with their Idempotency-Key over real HTTP: the first answer comes back and nothing
 * is stored twice; another request under the key, a malformed key and a key still in use are refused.
 */
@SharedServiceTest
class IdempotencyKeyApiTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    IdempotentRequests requests;
    @Autowired
    IdempotentRequestRepository rows;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String key;

    @BeforeEach
    void aNewKey() {
        api = new ApiClient(port);
        key = UUID.randomUUID().toString();
    }

    ApiClient keyed() {
        return api.withHeader(IdempotencyKeyFilter.HEADER, key);
    }

    @Test
    void aCreateSentAgainWithItsKeyAnswersTheFirstCaseAndStoresNoSecond() {
        int before = caseCount();

        Response first = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        Response again = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.header(IdempotencyKeyFilter.REPLAYED)).isNull();
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(caseCount()).isEqualTo(before + 1);
    }

    @Test
    void aReplayedAnswerIsInTheAuditTrailWithItsCase() {
        Response first = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        String caseId = first.json().get("id").asString();
        assertThat(jdbc.queryForList("SELECT detail FROM audit_events WHERE action = 'REQUEST_REPLAYED' AND case_id = ?"
                + " AND username = ?", String.class, caseId, BILLING)).containsExactly("POST /api/v1/cases");
    }

    @Test
    void aReplayedRenewalIsInTheAuditTrailUnderTheRenewalCaseItsAnswerHolds() {
        String approved = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        assertThat(api.post("/api/v1/cases/" + approved + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        String today = java.time.LocalDate.now().toString();
        for (String event : new String[] {"{\"type\":\"SUBMITTED\",\"date\":\"" + today + "\",\"channel\":\"FAX\"}",
                "{\"type\":\"APPROVED\",\"date\":\"" + today + "\",\"authorizationNumber\":\"R-1\",\"approvedFrom\":\""
                        + today + "\",\"approvedTo\":\"" + java.time.LocalDate.now().plusDays(90)
                        + "\",\"approvedSessions\":8}"}) {
            assertThat(api.post("/api/v1/cases/" + approved + "/events", BILLING, event).status()).isEqualTo(201);
        }

        Response first = keyed().post("/api/v1/cases/" + approved + "/reauthorization", BILLING, new byte[0], null);
        Response again = keyed().post("/api/v1/cases/" + approved + "/reauthorization", BILLING, new byte[0], null);

        assertThat(again.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        String renewal = first.json().get("id").asString();
        // the replay hands out the renewal case, patient and all: an auditor asking who saw it must find this row
        assertThat(jdbc.queryForList("SELECT detail FROM audit_events WHERE action = 'REQUEST_REPLAYED' AND case_id = ?"
                + " AND username = ?", String.class, renewal, BILLING))
                .containsExactly("POST /api/v1/cases/" + approved + "/reauthorization");
    }

    @Test
    void theKeyWithAnotherBodyIsRefusedAndNothingIsStored() {
        keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        int before = caseCount();

        Response other = keyed().post("/api/v1/cases", BILLING, Samples.text("02-one-failed-trial"));

        assertThat(other.status()).as(other.text()).isEqualTo(422);
        assertThat(other.json().get("title").asString()).isEqualTo("Idempotency-Key reused");
        assertThat(other.json().get("detail").asString()).contains("POST /api/v1/cases").contains("new key");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aKeyIsItsUsersOwn() {
        Response north = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        Response south = keyed().post("/api/v1/cases", "south.billing", Samples.text("01-complete-esketamine"));

        assertThat(south.status()).as(south.text()).isEqualTo(201);
        assertThat(south.header(IdempotencyKeyFilter.REPLAYED)).isNull();
        assertThat(south.location()).isNotEqualTo(north.location());
    }

    @Test
    void aRefusedRequestFreesItsKeyForTheCorrectedOne() {
        Response refused = keyed().post("/api/v1/cases", BILLING, "{\"patient\": {\"firstName\": 7}}");
        Response corrected = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        assertThat(corrected.header(IdempotencyKeyFilter.REPLAYED)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "\"\""})
    void aMalformedKeyIsA400NamingTheHeaderAndStoresNothing(String badKey) {
        int before = caseCount();

        Response r = api.withHeader(IdempotencyKeyFilter.HEADER, badKey)
                .post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(caseCount()).isEqualTo(before);
    }

    /** Two different keys on one request: which one a retry should match is anybody's guess, so neither is taken. */
    @Test
    void twoDifferentKeysOnOneRequestAreA400AndStoreNothing() throws Exception {
        int before = caseCount();
        String body = Samples.text("01-complete-esketamine");
        String basic = java.util.Base64.getEncoder().encodeToString(
                (BILLING + ":demo-pass-2026").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String answer = dev.authpack.support.RawHttp.send(port, "POST /api/v1/cases HTTP/1.1\r\nHost: localhost"
                + "\r\nAuthorization: Basic " + basic + "\r\nContent-Type: application/json"
                + "\r\nIdempotency-Key: " + key + "\r\nIdempotency-Key: " + UUID.randomUUID()
                + "\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"field\":\"Idempotency-Key\"");
        assertThat(caseCount()).isEqualTo(before);
        assertThat(keyed().post("/api/v1/cases", BILLING, body).status()).as("the first key is still free")
                .isEqualTo(201);
    }

    /** The same key written twice (a proxy that copies headers) names one request: it is taken as one key. */
    @Test
    void theSameKeyWrittenTwiceIsOneKey() throws Exception {
        String body = Samples.text("01-complete-esketamine");
        String basic = java.util.Base64.getEncoder().encodeToString(
                (BILLING + ":demo-pass-2026").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String answer = dev.authpack.support.RawHttp.send(port, "POST /api/v1/cases HTTP/1.1\r\nHost: localhost"
                + "\r\nAuthorization: Basic " + basic + "\r\nContent-Type: application/json"
                + "\r\nIdempotency-Key: " + key + "\r\nIdempotency-Key: " + key
                + "\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 201");
        Response again = keyed().post("/api/v1/cases", BILLING, body);
        assertThat(again.header(IdempotencyKeyFilter.REPLAYED)).as(again.text()).isEqualTo("true");
    }

    @Test
    void aKeyLongerThan255CharactersIsA400() {
        Response r = api.withHeader(IdempotencyKeyFilter.HEADER, "k".repeat(256))
                .post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
    }

    @Test
    void aRequestSentWhileTheFirstIsStillRunningIsA409WithRetryAfter() {
        // the state a request leaves while it runs: claimed, not answered
        requests.claim(IdempotencyKeyFilter.id(new Actor(BILLING, "north", Role.BILLING), key), BILLING, "POST",
                "/api/v1/cases");
        int before = caseCount();

        Response r = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.json().get("title").asString()).isEqualTo("Request in progress");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aKeyLeftUnansweredByAStoppedInstanceIsReportedInterruptedWithoutRetryAfter() {
        // what an instance killed while the request ran leaves: claimed 16 minutes ago, never answered
        String id = IdempotencyKeyFilter.id(new Actor(BILLING, "north", Role.BILLING), key);
        rows.saveAndFlush(new IdempotentRequest(id, BILLING, "POST", "/api/v1/cases",
                Instant.now().minus(Duration.ofMinutes(16))));
        int before = caseCount();

        Response r = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.header("Retry-After")).isNull();
        assertThat(r.json().get("title").asString()).isEqualTo("Request interrupted");
        assertThat(r.json().get("detail").asString()).contains("may or may not have been done").contains("new key");
        assertThat(caseCount()).isEqualTo(before);
        Response withANewKey = api.withHeader(IdempotencyKeyFilter.HEADER, UUID.randomUUID().toString())
                .post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        assertThat(withANewKey.status()).as(withANewKey.text()).isEqualTo(201);
    }

    @Test
    void aPacketSentAgainIsTheSameDocument() {
        String caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();

        Response first = keyed().post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        Response again = keyed().post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(api.get("/api/v1/cases/" + caseId + "/documents", BILLING).json().size()).isEqualTo(1);
    }

    @Test
    void anUploadSentAgainIsOneAttachmentAndAnotherFileUnderItsKeyIsRefused() {
        String caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
        String path = "/api/v1/cases/" + caseId + "/attachments";
        byte[] notes = TestPdfs.notes(2, "MARK");

        // each send has its own multipart boundary, as a client's retry would
        Multipart m1 = Multipart.of("Progress notes", "notes.pdf", notes);
        Multipart m2 = Multipart.of("Progress notes", "notes.pdf", notes);
        Response first = keyed().post(path, BILLING, m1.body(), m1.contentType());
        Response again = keyed().post(path, BILLING, m2.body(), m2.contentType());
        Multipart other = Multipart.of("Progress notes", "notes.pdf", TestPdfs.notes(3, "MARK"));
        Response otherFile = keyed().post(path, BILLING, other.body(), other.contentType());

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(otherFile.status()).as(otherFile.text()).isEqualTo(422);
        assertThat(api.get(path, BILLING).json().size()).isEqualTo(1);
    }

    @Test
    void aForgottenKeyStartsANewRequest() {
        Response first = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        requests.forgetStartedBefore(Instant.now().plusSeconds(1));

        Response later = keyed().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header(IdempotencyKeyFilter.REPLAYED)).isNull();
        assertThat(later.location()).isNotEqualTo(first.location());
    }

    @Test
    void aKeyedWriteWithAQueryLongerThanTheStoredTargetIsKeptAndReplayed() {
        String path = "/api/v1/cases?note=" + "x".repeat(2500);

        Response first = keyed().post(path, BILLING, Samples.text("01-complete-esketamine"));
        Response again = keyed().post(path, BILLING, Samples.text("01-complete-esketamine"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.header(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.location()).isEqualTo(first.location());
    }

    @Test
    void aWriteWithoutAKeyRunsEveryTime() {
        Response first = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        Response second = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        assertThat(second.location()).isNotEqualTo(first.location());
    }

    private int caseCount() {
        return api.get("/api/v1/cases", BILLING).json().size();
    }
}
