package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded work per request (issue #16): page caps per upload and per packet, checked before any merge
 * work, and caps on billing lines and trials per case, each a 4xx naming its setting; a hostile
 * upload costs one log line, never a stack trace per broken object; the bytes a packet merges are capped
 * (a merge larger than the heap ended the service). The caps are set low here.
 */
@SharedServiceTest(properties = {
        "authpack.attachments.max-pages=3", "authpack.packets.max-pages=5",
        "authpack.attachments.max-case-bytes=" + BoundedWorkTest.MAX_CASE_BYTES})
@ExtendWith(OutputCaptureExtension.class)
@Isolated // reads the whole log (Surefire runs test classes two at a time)
class BoundedWorkTest {

    static final String BILLING = "north.billing";
    static final int MAX_CASE_BYTES = 200_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @Test
    void onePageObjectListedTwentyThousandTimesIsRefusedNamingTheLimit() {
        byte[] bomb = HostilePdfs.onePageListed(20_000);
        long t0 = System.nanoTime();
        Response r = upload("Bomb", bomb);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.text()).contains("at most 3", "authpack.attachments.max-pages");
        // how fast is printed, not asserted: a time limit would be flaky on a shared machine
        System.out.printf("a %d-byte upload listing one page 20,000 times refused in %d ms%n", bomb.length, ms);
    }

    @Test
    void anUploadOverThePageCapIsRefusedAndOneAtTheCapIsTaken() {
        assertThat(upload("Four pages", TestPdfs.notes(4, "FOUR")).status()).isEqualTo(400);
        assertThat(upload("Three pages", TestPdfs.notes(3, "THREE")).status()).isEqualTo(201);
    }

    @Test
    void attachmentsOverThePacketCapAreRefusedBeforeAnythingIsRendered() {
        assertThat(upload("Part one", TestPdfs.notes(3, "ONE")).status()).isEqualTo(201);
        assertThat(upload("Part two", TestPdfs.notes(3, "TWO")).status()).isEqualTo(201);

        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Packet too large");
        assertThat(r.json().get("pages").asInt()).isEqualTo(6);
        assertThat(r.json().get("maxPages").asInt()).isEqualTo(5);
        assertThat(r.json().get("detail").asString()).contains("authpack.packets.max-pages");
        assertNoDocumentAndRefusalAudited();
    }

    @Test
    void anUploadThatWouldTakeTheCasesAttachmentsPastTheByteCapIsRefusedNamingTheFile() {
        assertThat(upload("First scan", TestPdfs.scan(120, 1)).status()).isEqualTo(201);

        Response r = upload("Second scan", TestPdfs.scan(120, 2));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.text()).contains("would bring this case's attachments to", "authpack.attachments.max-case-bytes");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isEqualTo(1);
        assertThat(upload("Small notes", TestPdfs.notes(1, "SMALL")).status())
                .as("a file that still fits is taken").isEqualTo(201);
    }

    @Test
    void uploadsSentAtOnceNeverTogetherTakeTheCasePastItsByteCap() {
        int uploads = 6;
        CyclicBarrier together = new CyclicBarrier(uploads);
        List<CompletableFuture<Response>> sent = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            byte[] scan = TestPdfs.scan(120, 10 + i);
            sent.add(CompletableFuture.supplyAsync(() -> {
                awaitAll(together);
                return upload("Scan", scan);
            }));
        }
        List<Response> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnly(201, 400)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(content)) FROM attachments WHERE case_id = ?",
                Long.class, caseId)).isLessThanOrEqualTo(MAX_CASE_BYTES);
    }

    @Test
    void anUploadThatWaitsTooLongForAnotherChangeToTheCaseIsA503AndStoresNothing() throws Exception {
        try (Connection other = jdbc.getDataSource().getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().executeQuery("SELECT id FROM cases WHERE id = '" + caseId + "' FOR UPDATE").close();

            Response r = upload("Notes", TestPdfs.notes(1, "WAITED"));

            assertThat(r.status()).as(r.text()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.json().get("detail").asString()).contains("Nothing was stored");
            other.rollback();
        }
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json()).isEmpty();
        assertThat(upload("Notes", TestPdfs.notes(1, "AGAIN")).status()).isEqualTo(201);
    }

    @Test
    void aRemovedAttachmentIsNotPutBackWhenTheCaseHasNoRoomForItAnyMore() {
        String first = upload("First scan", TestPdfs.scan(120, 6)).json().get("id").asString();
        String base = "/api/v1/cases/" + caseId + "/attachments/";
        assertThat(api.delete(base + first, BILLING).status()).isEqualTo(204);
        assertThat(upload("Second scan", TestPdfs.scan(120, 7)).status()).isEqualTo(201);

        Response r = api.post(base + first + "/restore", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("authpack.attachments.max-case-bytes",
                "Remove another attachment first");
        assertThat(api.get(base.substring(0, base.length() - 1), BILLING).json()).extracting(a -> a.get("title").asString())
                .containsExactly("Second scan");
    }

    @Test
    void theCasePageSaysWhyAnAttachmentCouldNotBePutBack() {
        String first = upload("First scan", TestPdfs.scan(120, 8)).json().get("id").asString();
        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        clerk.get("/cases/" + caseId);
        clerk.post("/cases/" + caseId + "/attachments/" + first + "/remove");
        clerk.get("/cases/" + caseId);
        assertThat(upload("Second scan", TestPdfs.scan(120, 9)).status()).isEqualTo(201);

        HttpResponse<String> answer = clerk.post("/cases/" + caseId + "/attachments/" + first + "/restore");

        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId + "#attachments");
        assertThat(clerk.get("/cases/" + caseId).body()).contains("There is no room to put that attachment back");
    }

    @Test
    void theCasePageSaysWhyAnUploadPastTheByteCapWasRefused() {
        assertThat(upload("First scan", TestPdfs.scan(120, 4)).status()).isEqualTo(201);
        FormClient clerk = new FormClient(port).signIn(BILLING, ApiClient.PASSWORD);
        clerk.get("/cases/" + caseId);

        HttpResponse<String> answer = clerk.upload("/cases/" + caseId + "/attachments", "Second scan",
                TestPdfs.scan(120, 5));

        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId + "#attachments");

        String page = clerk.get("/cases/" + caseId).body();
        assertThat(page).contains("The file would bring this case&#39;s attachments to")
                .contains("Remove an attachment the payer does not need");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isEqualTo(1);
    }

    @Test
    void attachmentsAlreadyPastTheByteCapAreRefusedBeforeAnythingIsMerged() {
        assertThat(upload("Scan", TestPdfs.scan(120, 3)).status()).isEqualTo(201);
        // stored before the cap was lowered: as the upload no longer allows, straight into the table
        jdbc.update("INSERT INTO attachments (id, case_id, clinic_id, title, content, sha256, pages, created_by,"
                + " created_at, sort_order) SELECT ?, case_id, clinic_id, 'Older scan', content, sha256, pages,"
                + " created_by, created_at, sort_order + 1 FROM attachments WHERE case_id = ?",
                UUID.randomUUID().toString(), caseId);

        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Packet too large");
        assertThat(r.json().get("attachmentBytes").asLong()).isGreaterThan(MAX_CASE_BYTES);
        assertThat(r.json().get("maxAttachmentBytes").asLong()).isEqualTo(MAX_CASE_BYTES);
        assertThat(r.json().get("detail").asString()).contains("authpack.attachments.max-case-bytes");
        assertNoDocumentAndRefusalAudited();
    }

    @Test
    void thePacketsOwnPagesCountTooAndAreCheckedBeforeTheMerge() {
        assertThat(upload("Notes", TestPdfs.notes(3, "NOTES")).status()).isEqualTo(201);

        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("pages").asInt()).isGreaterThan(5);
        assertNoDocumentAndRefusalAudited();
    }

    @Test
    void aDeeplyNestedUploadCostsOneLogLineNotAStackTrace(CapturedOutput output) {
        int before = output.getAll().length();

        Response r = upload("Nested", HostilePdfs.deeplyNested(100_000));

        String logged = output.getAll().substring(before);
        assertThat(r.status()).as(r.text()).isIn(201, 400);
        assertThat(logged).doesNotContain("at org.apache.pdfbox", "Reached maximum recursion depth");
        assertThat(logged.lines().filter(l -> l.contains("PdfSanitizer") || l.contains("pdfbox")).count())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aDamagedUploadIsRejectedWithOneLogLine(CapturedOutput output) {
        int before = output.getAll().length();

        Response r = upload("Cut", BadPdfs.truncated());

        String logged = output.getAll().substring(before);
        assertThat(r.status()).isEqualTo(400);
        assertThat(logged.lines().filter(l -> l.contains("PDF upload rejected")).count()).isEqualTo(1);
        assertThat(logged).doesNotContain("\tat ");
    }

    @Test
    void aMalformedMultipartBodyIsA400(CapturedOutput output) {
        // a part that never ends: the multipart parser fails, as on the probe's garbage body
        String garbage = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 and then the body just stops";
        Response r = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING,
                garbage.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=xyz");

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(output.getAll()).doesNotContain("Unexpected failure of an API call");
    }

    @Test
    void billingLinesAndTrialsPerCaseAreCappedNamingTheSetting() {
        ObjectNode tooMany = Samples.tree("01-complete-esketamine");
        ArrayNode lines = (ArrayNode) tooMany.get("request").get("lines");
        ArrayNode trials = (ArrayNode) tooMany.get("medicationTrials");
        while (lines.size() < 51) {
            lines.add(lines.get(0).deepCopy());
        }
        while (trials.size() < 51) {
            trials.add(trials.get(0).deepCopy());
        }

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(tooMany));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).contains("request.lines", "authpack.cases.max-lines", "medicationTrials",
                "authpack.cases.max-trials");
        lines.remove(50);
        trials.remove(50);
        assertThat(api.post("/api/v1/cases", BILLING, Samples.json(tooMany)).status()).isEqualTo(201);
    }

    @Test
    void scoresAndPsychotherapyCoursesPerCaseAreCappedNamingTheSetting() {
        ObjectNode tooMany = Samples.tree("01-complete-esketamine");
        ArrayNode scores = (ArrayNode) tooMany.get("assessments");
        ArrayNode courses = (ArrayNode) tooMany.get("psychotherapy");
        while (scores.size() < 201) {
            scores.add(scores.get(0).deepCopy());
        }
        while (courses.size() < 51) {
            courses.add(courses.get(0).deepCopy());
        }
        ((ObjectNode) tooMany.get("screening")).putArray("concurrentTherapies").add("ECT").add("TMS").add("VNS")
                .add("DBS").add("KETAMINE").add("ECT");

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(tooMany));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains("assessments", "psychotherapy",
                "screening.concurrentTherapies");
        assertThat(r.text()).contains("has 201 scores", "authpack.cases.max-assessments", "has 51 courses",
                "authpack.cases.max-psychotherapy");
        scores.remove(200);
        courses.remove(50);
        ((ArrayNode) tooMany.get("screening").get("concurrentTherapies")).remove(5);
        assertThat(api.post("/api/v1/cases", BILLING, Samples.json(tooMany)).status()).isEqualTo(201);
    }

    @Test
    void datesOutsideTheYears1900To2999AreRefusedWhereverTheCaseHasThem() {
        String[][] members = {{"assessments", "0", "date", "-0001-01-01"}, {"medicationTrials", "0", "startDate", "0202-11-01"},
                {"request", null, "startDate", "+10000-01-01"}, {"diagnosis", null, "episodeStart", "-999999999-01-01"},
                {"request", null, "startDate", "3000-01-01"}};
        for (String[] m : members) {
            ObjectNode c = Samples.tree("01-complete-esketamine");
            ObjectNode holder = m[1] == null ? (ObjectNode) c.get(m[0]) : (ObjectNode) c.get(m[0]).get(Integer.parseInt(m[1]));
            holder.put(m[2], m[3]);
            String field = m[0] + (m[1] == null ? "" : "[" + m[1] + "]") + "." + m[2];

            Response r = api.post("/api/v1/cases", BILLING, Samples.json(c));

            assertThat(r.status()).as(field + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
            assertThat(r.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("must be a date between 1900-01-01 and 2999-12-31");
        }
    }

    @Test
    void aCaseSavedBeforeTheDateRangeStillOpensAndItsNextSaveNamesTheDate() {
        // saved by an earlier version, which took any year
        jdbc.update("UPDATE cases SET data = REPLACE(data, '\"2025-01-15\"', '\"0202-01-15\"') WHERE id = ?", caseId);

        Response read = api.get("/api/v1/cases/" + caseId, BILLING);

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json().get("diagnosis").get("episodeStart").asString()).isEqualTo("0202-01-15");
        assertThat(api.get("/api/v1/cases/" + caseId + "/completeness", BILLING).status()).isEqualTo(200);
        Response saved = api.put("/api/v1/cases/" + caseId, BILLING, read.text());
        assertThat(saved.status()).as(saved.text()).isEqualTo(400);
        assertThat(saved.json().get("errors").get(0).get("field").asString()).isEqualTo("diagnosis.episodeStart");
    }

    @Test
    void birthDatesBefore1900AreRefused() {
        for (String born : new String[] {"-999999999-01-01", "0001-01-01", "1899-12-31"}) {
            ObjectNode c = Samples.tree("01-complete-esketamine");
            ((ObjectNode) c.get("patient")).put("dateOfBirth", born);
            Response r = api.post("/api/v1/cases", BILLING, Samples.json(c));
            assertThat(r.status()).as(born + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("patient.dateOfBirth");
        }
        ObjectNode oldest = Samples.tree("01-complete-esketamine");
        ((ObjectNode) oldest.get("patient")).put("dateOfBirth", "1900-01-01");
        assertThat(api.post("/api/v1/cases", BILLING, Samples.json(oldest)).status()).isEqualTo(201);
    }

    private void assertNoDocumentAndRefusalAudited() {
        assertThat(jdbc.queryForObject("select count(*) from documents where case_id = ?", Long.class, caseId))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where case_id = ? and action = "
                + "'PACKET_GENERATED' and outcome = 'TOO_LARGE'", Long.class, caseId)).isEqualTo(1);
    }

    private static void awaitAll(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response upload(String title, byte[] pdf) {
        Multipart m = Multipart.of(title, "notes.pdf", pdf);
        return api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType());
    }
}
