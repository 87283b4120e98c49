package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import dev.authpack.support.StatementCount;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The database round trips of opening a case page, counted at the JDBC driver: as many for a case with
 * three trials, four attachments (one removed), two events and two documents as for a bare draft (one query
 * per kind of row, none per row), and no more than the page needs. Each is paid in full on a distant
 * database (docs/performance.md, "The case page's round trips"): 23 before its reads shared a transaction.
 */
@SharedServiceTest
@Import(StatementCount.Wrapping.class)
@ResourceLock(StatementCount.LOG)
class CasePageStatementsTest {

    static final String BILLING = "north.billing";
    /** Session read, user's session epoch, case, audit row, policy notices, events, renewals, documents,
     * attachments in place and removed, session save, and Spring Session's second read of the session. */
    static final int STATEMENTS = 12;
    /** The commits of: the session read, the case read, the audit row, the page's other reads, the session save and its re-read. */
    static final int COMMITS = 6;

    @LocalServerPort
    int port;

    @Test
    void aCasePageTakesTheSameFewStatementsHoweverManyTrialsAttachmentsEventsAndDocumentsItShows() {
        ApiClient api = new ApiClient(port);
        String bare = created(api, Samples.tree("01-complete-esketamine"));
        String full = created(api, withThirdTrial(Samples.tree("01-complete-esketamine")));
        assertThat(api.post("/api/v1/cases/" + full + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cases/" + full + "/estimate", BILLING, new byte[0], null).status()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(api.post("/api/v1/cases/" + full + "/events", BILLING, "{\"type\":\"SUBMITTED\",\"date\":\""
                + today + "\",\"channel\":\"FAX\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cases/" + full + "/events", BILLING, "{\"type\":\"PENDED\",\"date\":\""
                + today + "\",\"note\":\"chart asked for\"}").status()).isEqualTo(201);
        String attachment = null;
        for (int i = 0; i < 4; i++) {
            Multipart upload = Multipart.of("Notes " + i, "notes.pdf", TestPdfs.notes(1, "notes " + i));
            Response r = api.post("/api/v1/cases/" + full + "/attachments", BILLING, upload.body(), upload.contentType());
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            attachment = r.json().get("id").asString();
        }
        assertThat(api.delete("/api/v1/cases/" + full + "/attachments/" + attachment, BILLING).status()).isEqualTo(204);
        FormClient browser = new FormClient(port).signIn(BILLING, "demo-pass-2026");

        List<String> forBare = pageStatements(browser, bare);
        List<String> forFull = pageStatements(browser, full);

        assertThat(forFull).as("the driver's statements are counted").anyMatch(s -> s.contains("from cases"));
        assertThat(queries(forFull)).as("one query per kind of row, none per row").isEqualTo(queries(forBare));
        assertThat(queries(forFull)).as(String.join("\n", forFull)).hasSizeLessThanOrEqualTo(STATEMENTS);
        assertThat(forFull.stream().filter("COMMIT"::equals)).as(String.join("\n", forFull))
                .hasSizeLessThanOrEqualTo(COMMITS);
    }

    private static List<String> pageStatements(FormClient browser, String caseId) {
        browser.get("/cases/" + caseId); // the first read of a page fills caches of the whole service, not the page's
        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        List<String> statements = StatementCount.during(() -> page.set(browser.get("/cases/" + caseId)));
        assertThat(page.get().statusCode()).isEqualTo(200);
        return statements;
    }

    /**
     * The statements but the commits, and but the policy catalog's question whether a policy was uploaded, which
     * it asks at most once a second, of whichever request needs a policy first (PolicyCatalog).
     */
    private static List<String> queries(List<String> statements) {
        return statements.stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK")
                && !s.contains("FROM policy_uploads")).toList();
    }

    private static String created(ApiClient api, ObjectNode c) {
        Response r = api.post("/api/v1/cases", BILLING, Samples.json(c));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static ObjectNode withThirdTrial(ObjectNode c) {
        ArrayNode trials = (ArrayNode) c.get("medicationTrials");
        trials.add(trials.get(0).deepCopy());
        return c;
    }
}
