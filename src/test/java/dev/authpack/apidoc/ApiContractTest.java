package dev.authpack.apidoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.OpenApiContract;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * A walk through the whole API with real requests, each checked against the description by
 * {@link ApiClient} (request bodies the service accepted, and every answer: status, content type,
 * body schema, with no undocumented member). Covers the success answers and the errors a client
 * meets: bad JSON, wrong content type, stale version, another clinic's case, wrong role, no sign-in,
 * an incomplete case's packet.
 */
@SharedServiceTest
class ApiContractTest {

    static final String BILLING = "north.billing";
    static final String CLINIC = "north.clinic";
    static final String OTHER_CLINIC = "south.billing";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port).checkingRequests();
    }

    @Test
    void caseLifecycleAnswersAsDescribed() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        assertThat(api.get("/api/v1/cases/" + id, CLINIC).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases", CLINIC).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases?status=READY", BILLING).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + id + "/completeness", CLINIC).status()).isEqualTo(200);

        ObjectNode edited = (ObjectNode) api.get("/api/v1/cases/" + id, BILLING).json();
        ((ObjectNode) edited.get("request")).put("sessions", 6);
        Response replaced = api.put("/api/v1/cases/" + id, BILLING, Samples.json(edited));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.put("/api/v1/cases/" + id, BILLING, Samples.json(edited)).status()).isEqualTo(409);
    }

    @Test
    void documentsAnswerAsDescribed() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json()
                .get("id").asString();

        Response upload = api.post("/api/v1/cases/" + id + "/attachments", BILLING,
                multipart("Progress notes", TestPdfs.notes(1, "contract")), MULTIPART);
        assertThat(upload.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/cases/" + id + "/attachments", CLINIC).status()).isEqualTo(200);

        Response packet = api.post("/api/v1/cases/" + id + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cases/" + id + "/estimate?lang=es", BILLING, new byte[0], null).status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/cases/" + id + "/documents", CLINIC).status()).isEqualTo(200);

        Response pdf = api.get("/api/v1/documents/" + packet.json().get("id").asString(), CLINIC);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void incompleteAndSelfPayCasesAnswerAsDescribed() {
        String incomplete = api.post("/api/v1/cases", BILLING, Samples.text("02-one-failed-trial")).json()
                .get("id").asString();
        Response refused = api.post("/api/v1/cases/" + incomplete + "/packet", BILLING, new byte[0], null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().has("report")).isTrue();

        String selfPay = api.post("/api/v1/cases", BILLING, Samples.text("03-self-pay-ketamine")).json()
                .get("id").asString();
        assertThat(api.post("/api/v1/cases/" + selfPay + "/estimate", BILLING, new byte[0], null).status())
                .isEqualTo(201);

        String empty = api.post("/api/v1/cases", BILLING, "{}").json().get("id").asString();
        assertThat(api.get("/api/v1/cases/" + empty + "/completeness", BILLING).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + empty + "/estimate", BILLING, new byte[0], null).status())
                .isEqualTo(422);
    }

    @Test
    void errorsAreTheDescribedProblems() {
        String id = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json()
                .get("id").asString();

        assertThat(api.post("/api/v1/cases", BILLING, "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/cases", BILLING, "{\"patient\": {\"dateOfBirth\": \"2999-01-01\"}}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/cases", BILLING, "{}".getBytes(StandardCharsets.UTF_8), "text/plain").status())
                .isEqualTo(415);
        assertThat(api.post("/api/v1/cases", CLINIC, "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cases", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/cases/" + id, OTHER_CLINIC).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/cases/" + id + "/estimate?lang=fr", BILLING, new byte[0], null).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/documents/00000000-0000-0000-0000-000000000000", BILLING).status())
                .isEqualTo(404);
    }

    @Test
    void policiesAndTheAuditTrailAnswerAsDescribed() {
        assertThat(api.get("/api/v1/policies", CLINIC).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit?size=5", "admin").status()).isEqualTo(200);
    }

    @Test
    void anAnswerThatDriftsFromTheDescriptionFails() {
        byte[] drifted = "{\"id\":\"x\",\"surprise\":true}".getBytes(StandardCharsets.UTF_8);

        List<String> problems = OpenApiContract.shared().check("GET", "/api/v1/documents/x/../policies", null, null,
                200, "application/json", drifted);
        List<String> wrongShape = OpenApiContract.shared().check("GET", "/api/v1/policies", null, null,
                200, "application/json", drifted);
        List<String> undocumentedStatus = OpenApiContract.shared().check("GET", "/api/v1/policies", null, null,
                418, "application/json", drifted);

        assertThat(problems).isNotEmpty();
        assertThat(wrongShape).isNotEmpty();
        assertThat(undocumentedStatus).singleElement().asString().contains("418 is not documented");
        assertThatThrownBy(() -> OpenApiContract.shared().check("GET", "/api/v1/nowhere", null, null, 200,
                "application/json", drifted).forEach(p -> {
                    throw new AssertionError(p);
                })).hasMessageContaining("no such operation");
    }

    private static final String BOUNDARY = "----authpack-contract";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private static byte[] multipart(String title, byte[] pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pdf);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
