package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While the heap budget for large bodies is held, a large upload waits at most max-wait and is then
 * answered busy with nothing stored; once the budget is free the same upload goes through. The budget
 * here is far smaller than any upload's estimate, so these uploads also prove that a request larger
 * than the whole budget is admitted when it is alone.
 */
@SharedServiceTest(properties = {
        "authpack.uploads.memory-budget=64KB", "authpack.uploads.max-wait=200ms", "authpack.uploads.retry-after=7s"})
@Isolated // waits a bounded time, measured on a clock (Surefire runs test classes two at a time)
class LargeBodyBudgetTest {

    private static final String BILLING = "north.billing";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MemoryBudget budget;

    @Test
    void anAttachmentUploadWhileTheBudgetIsHeldIs503WithRetryAfterAndStoresNothing() throws Exception {
        String caseId = newCase();
        byte[] pdf = TestPdfs.notes(2, "BUDGET");
        try (Reservation all = holdAll()) {
            HttpResponse<String> busy = uploadAttachment(caseId, pdf);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("7");
            assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(busy.body()).contains("Nothing was stored");
            assertThat(attachments(caseId)).isZero();
        }
        HttpResponse<String> stored = uploadAttachment(caseId, pdf);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(attachments(caseId)).isEqualTo(1);
        assertThat(budget.held()).as("the share is given back when the upload ends").isZero();
    }

    @Test
    void aFhirImportWhileTheBudgetIsHeldIs503AndStartsNoCase() throws Exception {
        byte[] bundle = resource("/fhir/conformant_pas_bundle_v110.json");
        int before = cases();
        try (Reservation all = holdAll()) {
            HttpResponse<String> busy = post("/api/v1/fhir/import", bundle, "application/fhir+json");
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("7");
            assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(cases()).isEqualTo(before);
        }
        HttpResponse<String> imported = post("/api/v1/fhir/import", bundle, "application/fhir+json");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void aPageUploadWhileTheBudgetIsHeldReturnsToTheCasePageSayingBusyNotAnError() throws Exception {
        String caseId = newCase();
        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        clerk.get("/cases/" + caseId);
        byte[] pdf = TestPdfs.notes(1, "PAGE");
        try (Reservation all = holdAll()) {
            HttpResponse<String> answer = clerk.upload("/cases/" + caseId + "/attachments", "Scanned notes", pdf);
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId + "#attachments");
        }
        String page = clerk.get("/cases/" + caseId).body();
        assertThat(page).contains("Other large uploads are being read right now; nothing was stored.")
                .contains("Scanned notes");
        assertThat(attachments(caseId)).isZero();

        HttpResponse<String> again = clerk.upload("/cases/" + caseId + "/attachments", "Scanned notes", pdf);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(attachments(caseId)).isEqualTo(1);
    }

    @Test
    void aRefusedUploadGivesItsShareBack() throws Exception {
        HttpResponse<String> refused = uploadAttachment(newCase(), "not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(budget.held()).isZero();
    }

    private Reservation holdAll() throws InterruptedException {
        Reservation all = budget.reserve(budget.total(), 5, TimeUnit.SECONDS);
        assertThat(all).as("the whole budget, for the test").isNotNull();
        return all;
    }

    private String newCase() {
        return new ApiClient(port).post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
    }

    private int cases() {
        return new ApiClient(port).get("/api/v1/cases", BILLING).json().size();
    }

    private int attachments(String caseId) {
        return new ApiClient(port).get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size();
    }

    private HttpResponse<String> uploadAttachment(String caseId, byte[] pdf) throws Exception {
        String boundary = "budget-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post("/api/v1/cases/" + caseId + "/attachments", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType) throws Exception {
        String basic = Base64.getEncoder().encodeToString((BILLING + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = LargeBodyBudgetTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
