package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/** Lifecycle calls over real HTTP, for the API tests of this package and the appeal packet's. */
public final class LifecycleHttp {

    public static final String BILLING = "north.billing";
    public static final String CLINIC = "north.clinic";
    public static final String SOUTH = "south.billing";

    private final ApiClient api;

    public LifecycleHttp(ApiClient api) {
        this.api = api;
    }

    public ApiClient api() {
        return api;
    }

    /** A complete case (sample 01) with a packet: ready to submit. */
    public String caseWithPacket() {
        String id = newCase();
        Response packet = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        return id;
    }

    /** A case with a packet, submitted and approved on {@code day} for 90 days and {@code sessions} sessions. */
    public String approvedCase(LocalDate day, int sessions) {
        String id = caseWithPacket();
        ok(id, submitted(day));
        ok(id, approved(day, day, day.plusDays(90), sessions));
        return id;
    }

    /** A case with a packet, submitted on {@code submittedOn} and denied on {@code deniedOn} for {@code reason}. */
    public String deniedCase(LocalDate submittedOn, LocalDate deniedOn, String reason) {
        String id = caseWithPacket();
        ok(id, submitted(submittedOn));
        ok(id, denied(deniedOn, reason));
        return id;
    }

    public String newCase() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public Response post(String caseId, String json) {
        return api.post("/api/v1/cases/" + caseId + "/events", BILLING, json);
    }

    /** Records an event that must be accepted; answers the 201 body. */
    public JsonNode ok(String caseId, String json) {
        Response r = post(caseId, json);
        assertThat(r.status()).as(json + " → " + r.text()).isEqualTo(201);
        return r.json();
    }

    public JsonNode authorization(String caseId) {
        return api.get("/api/v1/cases/" + caseId, BILLING).json().get("authorization");
    }

    public static String submitted(LocalDate date) {
        return "{\"type\":\"SUBMITTED\",\"date\":\"" + date + "\",\"channel\":\"FAX\",\"payerReference\":\"REF-1\"}";
    }

    public static String pended(LocalDate date) {
        return "{\"type\":\"PENDED\",\"date\":\"" + date + "\",\"note\":\"needs notes\"}";
    }

    public static String approved(LocalDate date, LocalDate from, LocalDate to, int sessions) {
        return "{\"type\":\"APPROVED\",\"date\":\"" + date + "\",\"authorizationNumber\":\"AUTH-77\",\"approvedFrom\":\""
                + from + "\",\"approvedTo\":\"" + to + "\",\"approvedSessions\":" + sessions + "}";
    }

    public static String denied(LocalDate date, String reason) {
        return "{\"type\":\"DENIED\",\"date\":\"" + date + "\",\"reason\":\"" + reason + "\"}";
    }

    public static String appealed(LocalDate date) {
        return "{\"type\":\"APPEALED\",\"date\":\"" + date + "\"}";
    }

    public static String withdrawn(LocalDate date) {
        return "{\"type\":\"WITHDRAWN\",\"date\":\"" + date + "\"}";
    }

    public static String session(LocalDate date) {
        return "{\"type\":\"SESSION_GIVEN\",\"date\":\"" + date + "\",\"codes\":[\"G2083\"]}";
    }
}
