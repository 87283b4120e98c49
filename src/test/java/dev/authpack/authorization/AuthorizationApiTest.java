package dev.authpack.authorization;

import static dev.authpack.authorization.LifecycleHttp.BILLING;
import static dev.authpack.authorization.LifecycleHttp.CLINIC;
import static dev.authpack.authorization.LifecycleHttp.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.PinnedClock;
import dev.authpack.support.PinnedClockServiceTest;
import dev.authpack.support.Samples;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The lifecycle over real HTTP with a pinned "today": transitions, refusals, the case view, sessions, worklist, renewal. */
@PinnedClockServiceTest
class AuthorizationApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @LocalServerPort
    int port;
    @Autowired
    PinnedClock clock;
    @Autowired
    JdbcTemplate jdbc;
    LifecycleHttp http;

    @BeforeEach
    void setUp() {
        clock.today(DAY);
        http = new LifecycleHttp(new ApiClient(port));
    }

    /** Brings a new case to a status over HTTP, with event dates before DAY. */
    String caseIn(AuthStatus status) {
        String id = http.caseWithPacket();
        LocalDate d = DAY.minusDays(30);
        switch (status) {
            case NOT_SUBMITTED -> { }
            case WITHDRAWN -> http.ok(id, LifecycleHttp.withdrawn(d));
            default -> http.ok(id, LifecycleHttp.submitted(d));
        }
        switch (status) {
            case PENDED -> http.ok(id, LifecycleHttp.pended(d.plusDays(1)));
            case APPROVED -> http.ok(id, LifecycleHttp.approved(d.plusDays(2), d.plusDays(2), DAY.plusDays(60), 8));
            case EXPIRED -> http.ok(id, LifecycleHttp.approved(d.plusDays(2), d.plusDays(2), DAY.minusDays(1), 8));
            case DENIED -> http.ok(id, LifecycleHttp.denied(d.plusDays(2), "Not medically necessary"));
            case APPEALED -> {
                http.ok(id, LifecycleHttp.denied(d.plusDays(2), "Not medically necessary"));
                http.ok(id, LifecycleHttp.appealed(d.plusDays(3)));
            }
            default -> { }
        }
        assertThat(http.authorization(id).get("status").asString()).isEqualTo(status.name());
        return id;
    }

    static final Map<EventType, Function<LocalDate, String>> VALID = new EnumMap<>(Map.of(
            EventType.SUBMITTED, LifecycleHttp::submitted,
            EventType.PENDED, LifecycleHttp::pended,
            EventType.APPROVED, d -> LifecycleHttp.approved(d, d, d.plusDays(90), 8),
            EventType.DENIED, d -> LifecycleHttp.denied(d, "Step therapy not met"),
            EventType.APPEALED, LifecycleHttp::appealed,
            EventType.WITHDRAWN, LifecycleHttp::withdrawn,
            EventType.SESSION_GIVEN, LifecycleHttp::session));

    @Test
    void everyAllowedTransitionIsRecordedAndEveryOtherRefusedWith409NamingStatusAndAllowedTypes() {
        List<String> failures = new ArrayList<>();
        for (AuthStatus status : AuthStatus.values()) {
            String refusedOn = caseIn(status);
            for (EventType type : EventType.values()) {
                boolean allowed = LifecycleTest.CONTRACT.get(type).contains(status);
                String id = allowed ? caseIn(status) : refusedOn;
                Response r = http.post(id, VALID.get(type).apply(DAY));
                if (allowed) {
                    AuthStatus after = type == EventType.SESSION_GIVEN ? status : AuthStatus.valueOf(type.name());
                    if (r.status() != 201 || !r.json().get("authorization").get("status").asString().equals(after.name())
                            || !r.json().get("event").get("type").asString().equals(type.name())) {
                        failures.add(type + " in " + status + ": " + r.status() + " " + r.text());
                    }
                } else {
                    JsonNode p = r.json();
                    List<String> expected = java.util.Arrays.stream(EventType.values())
                            .filter(t -> LifecycleTest.CONTRACT.get(t).contains(status)).map(Enum::name).toList();
                    List<String> named = new ArrayList<>();
                    p.path("allowed").forEach(n -> named.add(n.asString()));
                    if (r.status() != 409 || !r.contentType().startsWith("application/problem+json")
                            || !p.path("authStatus").asString().equals(status.name()) || !named.equals(expected)
                            // the problem's own "status" is the HTTP code, once: the authorization status has its own member
                            || p.path("status").asInt() != 409 || r.text().split("\"status\"", -1).length != 2
                            || !p.path("detail").asString().contains(status.name())) {
                        failures.add(type + " in " + status + " should be refused: " + r.status() + " " + r.text());
                    }
                }
            }
            assertThat(http.authorization(refusedOn).get("status").asString()).isEqualTo(status.name());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void submissionWithoutAPacketIs409() {
        String id = http.newCase();
        Response r = http.post(id, LifecycleHttp.submitted(DAY));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("needs a packet of this case", "generate the packet first");
    }

    @Test
    void anEventSentAsPlainTextIs415SayingToSendTheEventAsJson() {
        String id = http.newCase();

        Response r = http.api().post("/api/v1/cases/" + id + "/events", BILLING,
                LifecycleHttp.submitted(DAY).getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("detail").asString()).isEqualTo("Send the event as application/json, not text/plain.");
    }

    /** The case page tells a clerk first that the event is refused; the API keeps answering the input first. */
    @Test
    void aMissingMemberOfAnEventTheStatusRefusesIsStill400InTheApisWords() {
        String id = caseIn(AuthStatus.APPROVED);

        Response r = http.post(id, "{\"type\":\"DENIED\",\"date\":\"" + DAY + "\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("is required for a DENIED event");
        assertThat(http.post(id, LifecycleHttp.denied(DAY, "Not covered")).status()).isEqualTo(409);
    }

    /** Escape sequences and bidirectional overrides would reach the case page, the case view and the appeal letter. */
    @Test
    void textWithControlCharactersIsRefused400NamingTheMemberAndNothingIsRecorded() {
        String id = caseIn(AuthStatus.NOT_SUBMITTED);

        Response r = http.post(id, "{\"type\":\"SUBMITTED\",\"date\":\"" + DAY + "\",\"channel\":\"FAX\","
                + "\"payerReference\":\"REF\\u0000\\u001b[31m\"}");

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("payerReference");
        assertThat(http.authorization(id).get("status").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(http.api().get("/api/v1/cases/" + id + "/events", BILLING).json()).isEmpty();
    }

    /**
     * A denial copied from a payer's letter or an X12 278 keeps its lines; they are joined with a space, as
     * the case page joins the lines of its box, in the event and the authorization alike. A note the same.
     */
    @Test
    void aDenialReasonOrNoteSentOverSeveralLinesIsRecordedOnOneLine() {
        String id = caseIn(AuthStatus.SUBMITTED);

        http.ok(id, "{\"type\":\"PENDED\",\"date\":\"" + DAY + "\",\"note\":\"Needs chart notes.\\n \\n Fax by Friday\"}");
        JsonNode denied = http.ok(id, "{\"type\":\"DENIED\",\"date\":\"" + DAY + "\",\"reason\":"
                + "\"Step therapy not met.\\r\\nSee policy 3.2\\rSection 4  \\n\\n  Appeal in writing.\"}");

        String reason = "Step therapy not met. See policy 3.2 Section 4 Appeal in writing.";
        assertThat(denied.get("event").get("reason").asString()).isEqualTo(reason);
        assertThat(http.authorization(id).get("denialReason").asString()).isEqualTo(reason);
        JsonNode events = http.api().get("/api/v1/cases/" + id + "/events", BILLING).json();
        assertThat(events.get(1).get("note").asString()).isEqualTo("Needs chart notes. Fax by Friday");
        assertThat(events.get(2).get("reason").asString()).isEqualTo(reason);
    }

    /** Only line breaks are joined: a bell or a NUL in a pasted reason or note is still refused, naming the member. */
    @Test
    void aDenialReasonOrNoteWithAnotherControlCharacterIsStill400NamingIt() {
        String id = caseIn(AuthStatus.SUBMITTED);

        Response reason = http.post(id, "{\"type\":\"DENIED\",\"date\":\"" + DAY + "\",\"reason\":\"Not covered\\u0007\\nSee policy\"}");
        Response note = http.post(id, "{\"type\":\"PENDED\",\"date\":\"" + DAY + "\",\"note\":\"call\\u0000 back\"}");

        assertThat(reason.status()).as(reason.text()).isEqualTo(400);
        assertThat(reason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(note.status()).as(note.text()).isEqualTo(400);
        assertThat(note.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(http.authorization(id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    /**
     * The 2000 characters a reason or a note may hold are Unicode characters: one outside the Basic Multilingual
     * Plane (the 𠮷 of some Japanese surnames, an emoji) takes two UTF-16 units, which is what H2 counts.
     */
    @Test
    void aDenialReasonOrNoteOf2000CharactersOutsideTheBasicPlaneIsRecordedAnd2001Refused() {
        String id = caseIn(AuthStatus.SUBMITTED);
        String note = "\uD842\uDFB7".repeat(2000);
        String reason = "\uD83D\uDE00".repeat(2000);

        Response tooLong = http.post(id, "{\"type\":\"DENIED\",\"date\":\"" + DAY + "\",\"reason\":\"" + reason + "x\"}");
        JsonNode pended = http.ok(id, "{\"type\":\"PENDED\",\"date\":\"" + DAY + "\",\"note\":\"" + note + "\"}");
        JsonNode denied = http.ok(id, "{\"type\":\"DENIED\",\"date\":\"" + DAY + "\",\"reason\":\"" + reason + "\"}");

        assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(pended.get("event").get("note").asString()).isEqualTo(note);
        assertThat(denied.get("event").get("reason").asString()).isEqualTo(reason);
        assertThat(http.authorization(id).get("denialReason").asString()).isEqualTo(reason);
    }

    @Test
    void badMembersAre400NamingThem() {
        String id = caseIn(AuthStatus.SUBMITTED);
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("type", "{\"date\":\"" + DAY + "\"}"),
                Map.entry("type ", "{\"type\":\"LOST\",\"date\":\"" + DAY + "\"}"),
                Map.entry("date", "{\"type\":\"PENDED\"}"),
                Map.entry("date ", "{\"type\":\"PENDED\",\"date\":\"2026-02-30\"}"),
                Map.entry("date  ", "{\"type\":\"PENDED\",\"date\":\"" + DAY.plusDays(1) + "\"}"),
                Map.entry("date   ", "{\"type\":\"PENDED\",\"date\":\"" + DAY.minusDays(31) + "\"}"),
                Map.entry("reason", "{\"type\":\"DENIED\",\"date\":\"" + DAY + "\"}"),
                Map.entry("approvedTo", LifecycleHttp.approved(DAY, DAY, DAY.minusDays(1), 8)),
                Map.entry("approvedSessions", LifecycleHttp.approved(DAY, DAY, DAY.plusDays(9), 0)),
                Map.entry("approvedSessions ", LifecycleHttp.approved(DAY, DAY, DAY.plusDays(9), 201)),
                Map.entry("authorizationNumber", "{\"type\":\"APPROVED\",\"date\":\"" + DAY + "\",\"approvedFrom\":\"" + DAY
                        + "\",\"approvedTo\":\"" + DAY + "\",\"approvedSessions\":2}"),
                Map.entry("channel", "{\"type\":\"SUBMITTED\",\"date\":\"" + DAY + "\",\"channel\":\"CARRIER_PIGEON\"}"),
                Map.entry("codes[1]", "{\"type\":\"SESSION_GIVEN\",\"date\":\"" + DAY + "\",\"codes\":[\"G2083\",\"no way!\"]}"),
                Map.entry("payerReference", "{\"type\":\"PENDED\",\"date\":\"" + DAY + "\",\"payerReference\":\"X\"}"),
                Map.entry("type  ", "{\"type\":\"PENDED\",\"date\":\"" + DAY + "\",\"type\":\"WITHDRAWN\"}"));
        bodies.forEach((field, body) -> {
            Response r = http.post(id, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(body).contains(field.strip());
        });
        assertThat(http.post(id, "not json").status()).isEqualTo(400);
        assertThat(http.authorization(id).get("status").asString()).isEqualTo("SUBMITTED");
        // approvedFrom and approvedTo may lie in the future; the decision's date may not
        assertThat(http.post(id, LifecycleHttp.approved(DAY, DAY.plusDays(5), DAY.plusDays(95), 8)).status()).isEqualTo(201);
    }

    @Test
    void caseAndListCarryTheAuthorizationAndTheListFiltersByIt() {
        String id = caseIn(AuthStatus.DENIED);
        JsonNode kase = http.api().get("/api/v1/cases/" + id, CLINIC).json();
        JsonNode a = kase.get("authorization");
        assertThat(a.get("status").asString()).isEqualTo("DENIED");
        assertThat(a.get("submittedOn").asString()).isEqualTo(DAY.minusDays(30).toString());
        assertThat(a.get("channel").asString()).isEqualTo("FAX");
        assertThat(a.get("payerReference").asString()).isEqualTo("REF-1");
        assertThat(a.get("decidedOn").asString()).isEqualTo(DAY.minusDays(28).toString());
        assertThat(a.get("denialReason").asString()).isEqualTo("Not medically necessary");
        assertThat(a.get("appealDeadline").asString()).isEqualTo(DAY.minusDays(28).plusDays(180).toString());
        assertThat(a.get("sessionsUsed").asInt()).isZero();

        JsonNode denied = http.api().get("/api/v1/cases?authStatus=DENIED", BILLING).json();
        assertThat(denied).isNotEmpty().allSatisfy(c -> assertThat(c.get("authorization").get("status").asString())
                .isEqualTo("DENIED"));
        assertThat(denied.findValuesAsString("id")).contains(id);
        assertThat(http.api().get("/api/v1/cases?authStatus=approved", BILLING).json().findValuesAsString("id"))
                .doesNotContain(id);
        Response bad = http.api().get("/api/v1/cases?authStatus=MAYBE", BILLING);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("authStatus");

        // the GET shape goes back in a PUT: authorization (and complete) are read-only and ignored
        ObjectNode echo = (ObjectNode) kase;
        Response put = http.api().put("/api/v1/cases/" + id, BILLING, Samples.json(echo));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("authorization").get("status").asString()).isEqualTo("DENIED");
    }

    /** The contract's member list of {@code authorization}, in its order. */
    static final List<String> AUTHORIZATION_MEMBERS = List.of("status", "submittedOn", "channel", "payerReference",
            "decidedOn", "authorizationNumber", "approvedFrom", "approvedTo", "approvedSessions", "sessionsUsed",
            "sessionsLeft", "denialReason", "appealDeadline");

    @Test
    void theAuthorizationListsEveryMemberOfTheContractWithNullWhereNothingIsRecordedYet() {
        String fresh = caseIn(AuthStatus.NOT_SUBMITTED);
        String denied = caseIn(AuthStatus.DENIED);
        JsonNode created = http.api().post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json();
        JsonNode event = http.ok(denied, LifecycleHttp.appealed(DAY));
        JsonNode listItem = null;
        for (JsonNode item : http.api().get("/api/v1/cases", BILLING).json()) {
            if (item.get("id").asString().equals(fresh)) {
                listItem = item;
            }
        }
        assertThat(listItem).as("the list holds the new case").isNotNull();
        for (JsonNode a : List.of(created.get("authorization"), http.authorization(fresh), listItem.get("authorization"),
                event.get("authorization"))) {
            List<String> names = new ArrayList<>();
            a.propertyNames().forEach(names::add);
            assertThat(names).as(a.toString()).containsExactlyInAnyOrderElementsOf(AUTHORIZATION_MEMBERS);
        }
        JsonNode a = http.authorization(fresh);
        assertThat(a.get("status").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(a.get("sessionsUsed").asInt()).isZero();
        AUTHORIZATION_MEMBERS.stream().filter(m -> !m.equals("status") && !m.equals("sessionsUsed"))
                .forEach(m -> assertThat(a.get(m).isNull()).as(m + " in " + a).isTrue());
        JsonNode appealed = event.get("authorization");
        assertThat(appealed.get("approvedSessions").isNull()).isTrue();
        assertThat(appealed.get("denialReason").asString()).isEqualTo("Not medically necessary");
    }

    @Test
    void eventsAreListedOldestFirstAuditedAndScopedToTheClinic() {
        String id = caseIn(AuthStatus.PENDED);
        JsonNode events = http.api().get("/api/v1/cases/" + id + "/events", CLINIC).json();
        assertThat(events.findValuesAsString("type")).containsExactly("SUBMITTED", "PENDED");
        assertThat(events.get(0).get("recordedBy").asString()).isEqualTo(BILLING);
        assertThat(events.get(0).get("id").asLong()).isLessThan(events.get(1).get("id").asLong());
        assertThat(events.get(1).get("note").asString()).isEqualTo("needs notes");
        assertThat(jdbc.queryForList("SELECT action FROM audit_events WHERE case_id = ? AND outcome = 'OK' ORDER BY id",
                String.class, id)).contains("AUTH_SUBMITTED", "AUTH_PENDED", "AUTH_EVENTS_LISTED");

        assertThat(http.api().post("/api/v1/cases/" + id + "/events", CLINIC, LifecycleHttp.submitted(DAY)).status())
                .isEqualTo(403);
        assertThat(http.api().get("/api/v1/cases/" + id + "/events", SOUTH).status()).isEqualTo(404);
        assertThat(http.api().post("/api/v1/cases/" + id + "/events", SOUTH, LifecycleHttp.submitted(DAY)).status())
                .isEqualTo(404);
    }

    @Test
    void sessionsRecordedAtTheSameMomentAreAllTakenAndEachCountedOnce() {
        String id = http.approvedCase(DAY.minusDays(10), 30);
        int sent = 12;
        CyclicBarrier together = new CyclicBarrier(sent);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return http.post(id, LifecycleHttp.session(DAY));
            }));
        }

        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(Response::status).toList();

        assertThat(statuses).as("no event sent at once is refused for being at once").containsOnly(201);
        assertThat(http.authorization(id).get("sessionsUsed").asInt()).isEqualTo(sent);
        assertThat(jdbc.queryForList("SELECT seq FROM authorization_events WHERE case_id = ? ORDER BY seq", Integer.class, id))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, sent + 2).boxed().toList());
    }

    @Test
    void sessionsCountDownAndWarnOutsideTheWindowAndOverTheCount() {
        String id = http.caseWithPacket();
        http.ok(id, LifecycleHttp.submitted(DAY.minusDays(20)));
        http.ok(id, LifecycleHttp.approved(DAY.minusDays(15), DAY.minusDays(10), DAY.minusDays(1), 2));
        JsonNode first = http.ok(id, LifecycleHttp.session(DAY.minusDays(10)));
        assertThat(first.get("warnings")).isEmpty();
        assertThat(first.get("authorization").get("sessionsUsed").asInt()).isEqualTo(1);
        assertThat(first.get("authorization").get("sessionsLeft").asInt()).isEqualTo(1);
        assertThat(first.get("event").get("codes").get(0).asString()).isEqualTo("G2083");
        JsonNode second = http.ok(id, LifecycleHttp.session(DAY.minusDays(1)));
        assertThat(second.get("warnings")).isEmpty();
        assertThat(second.get("authorization").get("sessionsLeft").asInt()).isZero();
        assertThat(second.get("authorization").get("status").asString()).isEqualTo("EXPIRED");
        JsonNode third = http.ok(id, LifecycleHttp.session(DAY));
        List<String> warnings = new ArrayList<>();
        third.get("warnings").forEach(w -> warnings.add(w.asString()));
        assertThat(warnings).containsExactly("OUTSIDE_APPROVED_WINDOW", "OVER_APPROVED_SESSIONS");
        assertThat(third.get("authorization").get("sessionsUsed").asInt()).isEqualTo(3);
        assertThat(third.get("authorization").get("sessionsLeft").asInt()).isZero();
    }

    /** The user guide promises an outdated packet is never sent by mistake; a clerk who sent one is told. */
    @Test
    void submittingAPacketMadeBeforeTheLastChangeIsRecordedWithAPacketOutdatedWarning() {
        String current = http.caseWithPacket();
        String changed = http.caseWithPacket();
        moveTheFacility(changed);

        JsonNode fresh = http.ok(current, LifecycleHttp.submitted(DAY));
        JsonNode outdated = http.ok(changed, LifecycleHttp.submitted(DAY));

        assertThat(fresh.get("warnings")).isEmpty();
        assertThat(outdated.get("authorization").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(outdated.get("warnings")).hasSize(1);
        assertThat(outdated.get("warnings").get(0).asString()).isEqualTo("PACKET_OUTDATED");
    }

    @Test
    void aWorklistItemListsTheContractsFourMembersWithNullForANameTheCaseNoLongerHas() {
        String named = caseIn(AuthStatus.SUBMITTED);
        String nameless = caseIn(AuthStatus.SUBMITTED);
        ObjectNode kase = (ObjectNode) http.api().get("/api/v1/cases/" + nameless, BILLING).json();
        kase.remove("patient");
        Response saved = http.api().put("/api/v1/cases/" + nameless, BILLING, Samples.json(kase));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);

        JsonNode w = worklist();

        for (String id : List.of(named, nameless)) {
            JsonNode item = item(w, "waitingOnPayer", id);
            List<String> names = new ArrayList<>();
            item.propertyNames().forEach(names::add);
            assertThat(names).as(item.toString()).contains("caseId", "patientName", "reason", "due")
                    .isSubsetOf("caseId", "patientName", "reason", "due", "status", "daysWaiting", "daysLeft",
                            "sessionsLeft", "renewedBy");
            assertThat(item.get("due").asString()).isEqualTo(DAY.minusDays(30).plusDays(14).toString());
        }
        assertThat(item(w, "waitingOnPayer", named).get("patientName").asString()).isEqualTo("Dana Reyes");
        assertThat(item(w, "waitingOnPayer", nameless).get("patientName").isNull()).isTrue();
    }

    @Test
    void aReadyCaseWhosePacketPredatesTheLastChangeStaysReadyAndSaysToGenerateItAgain() {
        String id = http.caseWithPacket();
        assertThat(item(worklist(), "readyToSubmit", id).get("reason").asString())
                .isEqualTo("Complete and packet generated; not yet submitted");

        moveTheFacility(id);

        assertThat(item(worklist(), "readyToSubmit", id).get("reason").asString())
                .isEqualTo("Complete, but the packet predates the last change: generate it again before sending");
        assertThat(http.api().post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        assertThat(item(worklist(), "readyToSubmit", id).get("reason").asString())
                .isEqualTo("Complete and packet generated; not yet submitted");
    }

    /** An edit after the packet, as the usability tester made it: the facility moved. */
    private void moveTheFacility(String id) {
        ObjectNode kase = (ObjectNode) http.api().get("/api/v1/cases/" + id, BILLING).json();
        ((ObjectNode) kase.get("facility")).put("address", "2 Elm St, Springfield, MA 01101");
        Response saved = http.api().put("/api/v1/cases/" + id, BILLING, Samples.json(kase));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    @Test
    void worklistListsEachCaseOnlyWithinItsBoundaries() {
        String ready = http.caseWithPacket();
        String waiting = http.caseWithPacket();
        String renew = http.caseWithPacket();
        String denied = http.caseWithPacket();
        String expired = http.caseWithPacket();
        LocalDate d0 = DAY;
        http.ok(waiting, LifecycleHttp.submitted(d0));
        http.ok(renew, LifecycleHttp.submitted(d0));
        http.ok(renew, LifecycleHttp.approved(d0, d0, d0.plusDays(30), 8));
        http.ok(denied, LifecycleHttp.submitted(d0));
        http.ok(denied, LifecycleHttp.denied(d0, "Not medically necessary"));
        http.ok(expired, LifecycleHttp.submitted(d0));
        http.ok(expired, LifecycleHttp.approved(d0, d0, d0.plusDays(20), 8));

        clock.today(d0.plusDays(14));
        JsonNode w = worklist();
        assertThat(ids(w, "readyToSubmit")).contains(ready).doesNotContain(waiting, renew);
        assertThat(ids(w, "waitingOnPayer")).doesNotContain(waiting);
        assertThat(ids(w, "renewSoon")).doesNotContain(renew); // 16 days left, 8 sessions left
        assertThat(ids(w, "appealDue")).contains(denied);
        assertThat(w.get("counts").get("readyToSubmit").asInt()).isEqualTo(w.get("readyToSubmit").size());

        clock.today(d0.plusDays(15));
        w = worklist();
        assertThat(ids(w, "waitingOnPayer")).contains(waiting);
        JsonNode item = item(w, "waitingOnPayer", waiting);
        assertThat(item.get("patientName").asString()).isEqualTo("Dana Reyes");
        assertThat(item.get("daysWaiting").asInt()).isEqualTo(15);
        assertThat(ids(w, "renewSoon")).doesNotContain(renew); // 15 days left
        clock.today(d0.plusDays(16));
        assertThat(ids(worklist(), "renewSoon")).contains(renew); // 14 days left

        clock.today(d0);
        String sessions = http.caseWithPacket();
        http.ok(sessions, LifecycleHttp.submitted(d0));
        http.ok(sessions, LifecycleHttp.approved(d0, d0, d0.plusDays(90), 8));
        for (int i = 0; i < 5; i++) {
            http.ok(sessions, LifecycleHttp.session(d0));
        }
        assertThat(ids(worklist(), "renewSoon")).doesNotContain(sessions); // 3 left
        http.ok(sessions, LifecycleHttp.session(d0));
        assertThat(ids(worklist(), "renewSoon")).contains(sessions); // 2 left

        clock.today(d0.plusDays(180));
        w = worklist();
        assertThat(item(w, "appealDue", denied).get("daysLeft").asInt()).isZero();
        assertThat(item(w, "appealDue", denied).get("due").asString()).isEqualTo(d0.plusDays(180).toString());
        clock.today(d0.plusDays(181));
        w = worklist();
        assertThat(ids(w, "appealDue")).doesNotContain(denied);
        assertThat(ids(w, "expired")).contains(expired);

        Response renewal = http.api().post("/api/v1/cases/" + expired + "/reauthorization", BILLING, new byte[0], null);
        assertThat(renewal.status()).isEqualTo(201);
        assertThat(ids(worklist(), "expired")).doesNotContain(expired);
        assertThat(http.api().get("/api/v1/worklist", CLINIC).status()).isEqualTo(200);
        assertThat(http.api().get("/api/v1/worklist", "admin").status()).isEqualTo(403);
        assertThat(http.api().get("/api/v1/worklist", SOUTH).json().get("expired").findValuesAsString("caseId"))
                .doesNotContain(expired);
        assertThat(http.api().get("/api/v1/worklist?list=expired&sort=sideways", BILLING).status()).isEqualTo(400);
    }

    @Test
    void aWorklistSortWithoutAListSaysTheListIsNeededToOrderOne() {
        Response r = http.api().get("/api/v1/worklist?sort=due", BILLING);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("list");
        assertThat(r.json().get("detail").asString()).startsWith("list: is required with sort or dir")
                .contains("readyToSubmit");
        assertThat(http.api().get("/api/v1/worklist?list=renewSoon&sort=patient&dir=desc", BILLING).status())
                .isEqualTo(200);
    }

    /** 99999999999 is a whole number of 1 or more, as the docs ask: it was refused as none, past an int's range. */
    @Test
    void aWorklistLimitBeyondTwoBillionIsAWholeNumberAndAnswersEveryItem() {
        caseIn(AuthStatus.EXPIRED);
        JsonNode whole = worklist();
        for (String limit : List.of("99999999999", "2147483648", "%2B99999999999999999999999")) {
            Response r = http.api().get("/api/v1/worklist?limit=" + limit, BILLING);

            assertThat(r.status()).as(limit).isEqualTo(200);
            assertThat(r.json()).as(limit).isEqualTo(whole);
        }
        for (String notOne : List.of("0", "-99999999999", "1.5", "1e3", "abc")) {
            Response r = http.api().get("/api/v1/worklist?limit=" + notOne, BILLING);

            assertThat(r.status()).as(notOne).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(notOne).isEqualTo("limit");
        }
    }

    /** As on GET /cases: a parameter given twice arrived joined ("5,5") and was refused as no whole number. */
    @Test
    void aWorklistParameterGivenTwiceIsA400SayingSoNamingIt() {
        for (String query : List.of("limit=5&limit=5", "limit=5&limit=10", "list=expired&list=expired",
                "list=expired&sort=due&sort=due", "list=expired&dir=asc&dir=desc")) {
            String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
            Response r = http.api().get("/api/v1/worklist?" + query, BILLING);

            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(query).isEqualTo(name);
            assertThat(r.json().get("errors").get(0).get("message").asString()).as(query)
                    .isEqualTo("was sent 2 times: send " + name + " once");
        }
        assertThat(http.api().get("/api/v1/worklist?list=expired&sort=due&dir=asc&limit=5", BILLING).status())
                .isEqualTo(200);
    }

    /**
     * A payer judging a continuation wants the sessions given under the approval it renews (domain
     * FACTS, "for a reauthorization"): the renewal's packet names that authorization and the count.
     */
    @Test
    void reauthorizationPacketStatesTheAuthorizationItRenewsAndTheSessionsGiven() throws Exception {
        String old = caseIn(AuthStatus.APPROVED);
        LocalDate d = DAY.minusDays(30);
        for (int i = 3; i <= 5; i++) {
            http.ok(old, LifecycleHttp.session(d.plusDays(i)));
        }
        String renewal = http.api().post("/api/v1/cases/" + old + "/reauthorization", BILLING, new byte[0], null)
                .json().get("id").asString();
        // the response criterion needs a baseline and a current score of one instrument
        ObjectNode c = (ObjectNode) http.api().get("/api/v1/cases/" + renewal, BILLING).json();
        var scores = c.putArray("assessments");
        scores.addObject().put("instrument", "PHQ9").put("score", 22).put("date", d.toString());
        scores.addObject().put("instrument", "PHQ9").put("score", 8).put("date", DAY.toString());
        assertThat(http.api().put("/api/v1/cases/" + renewal, BILLING, Samples.json(c)).status()).isEqualTo(200);

        // the old scores and screening lie months before the new start date: an exception packet needs only nothing missing
        Response packet = http.api().post("/api/v1/cases/" + renewal + "/packet?exception=true", BILLING,
                new byte[0], null);

        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        byte[] pdf = http.api().get("/api/v1/documents/" + packet.json().get("id").asString(), BILLING).body();
        String text = String.join(" ", dev.authpack.rendering.PdfChecks.pageTexts(pdf)).replaceAll("\\s+", " ");
        assertThat(text).contains("Under the authorization being renewed (AUTH-77, " + d.plusDays(2) + " to "
                        + DAY.plusDays(60) + ", 8 sessions approved), 3 sessions were given.",
                "Authorization renewed AUTH-77, " + d.plusDays(2) + " to " + DAY.plusDays(60)
                        + ": 8 sessions approved, 3 given");
    }

    @Test
    void reauthorizationCopiesTheCaseStartsTheDayAfterTheApprovalAndLinksBack() {
        String fresh = caseIn(AuthStatus.SUBMITTED);
        assertThat(http.api().post("/api/v1/cases/" + fresh + "/reauthorization", BILLING, new byte[0], null).status())
                .isEqualTo(409);
        String old = caseIn(AuthStatus.APPROVED);
        JsonNode before = http.api().get("/api/v1/cases/" + old, BILLING).json();

        Response r = http.api().post("/api/v1/cases/" + old + "/reauthorization", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode created = r.json();
        String newId = created.get("id").asString();
        assertThat(r.location()).endsWith("/api/v1/cases/" + newId);
        JsonNode read = http.api().get("/api/v1/cases/" + newId, CLINIC).json();
        assertThat(read.get("previousCaseId").asString()).isEqualTo(old);
        assertThat(read.get("request").get("phase").asString()).isEqualTo("REAUTHORIZATION");
        assertThat(read.get("request").get("startDate").asString()).isEqualTo(DAY.plusDays(61).toString());
        assertThat(read.get("policyId").asString()).isEqualTo(before.get("policyId").asString());
        assertThat(read.get("assessments")).isEqualTo(before.get("assessments"));
        assertThat(read.get("medicationTrials")).isEqualTo(before.get("medicationTrials"));
        assertThat(read.get("patient")).isEqualTo(before.get("patient"));
        assertThat(read.get("authorization").get("status").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(http.api().get("/api/v1/cases/" + old, BILLING).json().has("previousCaseId")).isFalse();
        // the copy is a case like any other: a PUT of its GET shape keeps it, previousCaseId included
        Response put = http.api().put("/api/v1/cases/" + newId, BILLING, Samples.json(read));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("previousCaseId").asString()).isEqualTo(old);
        assertThat(http.api().post("/api/v1/cases/" + old + "/reauthorization", CLINIC, new byte[0], null).status())
                .isEqualTo(403);
        assertThat(http.api().post("/api/v1/cases/" + old + "/reauthorization", SOUTH, new byte[0], null).status())
                .isEqualTo(404);
    }

    @Test
    void reauthorizationKeepsEveryMemberButThePhaseAndTheStartDate() {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ObjectNode request = (ObjectNode) body.get("request");
        request.put("indication", "TRD").put("priorEsketamineImprovementPct", 60).put("psychotherapyUnavailable", true);
        request.putObject("concurrentAntidepressant").put("drug", "bupropion").put("drugClass", "BUPROPION")
                .put("dailyDoseMg", 300).put("startDate", "2026-09-01");
        ((ObjectNode) body.get("prescriber")).putObject("consultingPsychiatrist").put("name", "Robin Lee, MD")
                .put("npi", "1245319599");
        ((ObjectNode) body.get("diagnosis")).put("structuredInterview", true);
        ((ObjectNode) body.get("screening")).put("patientRemsEnrolled", true).put("acuteSuicidality", false)
                .putArray("concurrentTherapies").add("TMS");
        Response created = http.api().post("/api/v1/cases", BILLING, Samples.json(body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String old = created.json().get("id").asString();
        assertThat(http.api().post("/api/v1/cases/" + old + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        LocalDate d = DAY.minusDays(30);
        http.ok(old, LifecycleHttp.submitted(d));
        http.ok(old, LifecycleHttp.approved(d.plusDays(2), d.plusDays(2), DAY.plusDays(60), 8));

        Response r = http.api().post("/api/v1/cases/" + old + "/reauthorization", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ObjectNode copy = caseMembers(http.api().get("/api/v1/cases/" + r.json().get("id").asString(), BILLING).json());
        ObjectNode original = caseMembers(http.api().get("/api/v1/cases/" + old, BILLING).json());
        assertThat(copy.get("request").get("phase").asString()).isEqualTo("REAUTHORIZATION");
        assertThat(copy.get("request").get("startDate").asString()).isEqualTo(DAY.plusDays(61).toString());
        for (ObjectNode c : List.of(copy, original)) {
            ((ObjectNode) c.get("request")).remove(List.of("phase", "startDate"));
        }
        assertThat(copy).isEqualTo(original);
        assertThat(copy.get("request").get("concurrentAntidepressant").get("drug").asString()).isEqualTo("bupropion");
    }

    /** What the clerk entered: the case without its id, bookkeeping and links. */
    private static ObjectNode caseMembers(JsonNode read) {
        ObjectNode c = (ObjectNode) read.deepCopy();
        c.remove(List.of("id", "version", "status", "complete", "createdAt", "updatedAt", "authorization",
                "previousCaseId", "renewedBy"));
        return c;
    }

    private JsonNode worklist() {
        Response r = http.api().get("/api/v1/worklist", BILLING);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode worklist, String list) {
        return worklist.get(list).findValuesAsString("caseId");
    }

    private static JsonNode item(JsonNode worklist, String list, String caseId) {
        for (JsonNode i : worklist.get(list)) {
            if (i.get("caseId").asString().equals(caseId)) {
                return i;
            }
        }
        throw new AssertionError(caseId + " not in " + list);
    }
}
