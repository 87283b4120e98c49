package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.PinnedClock;
import dev.authpack.support.StatementCount;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start page of a busy clinic: {@link #EACH} cases in each of the worklist's five lists and in To finish,
 * made by copying six cases brought to their state over HTTP (a packet takes a second to render; thousands
 * would take an hour). A reviewer's clinic with 10,000 drafts had a 2.6 MB start page that listed every one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:worklist-size;DB_CLOSE_DELAY=-1")
@Import({PinnedClock.Config.class, StatementCount.Wrapping.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(StatementCount.LOG)
class WorklistAtClinicSizeTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final int EACH = 400;

    @LocalServerPort
    int port;
    @Autowired
    PinnedClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    jakarta.persistence.EntityManagerFactory entities;
    FormClient browser;

    @BeforeAll
    void aBusyClinic() {
        clock.today(DAY);
        LifecycleHttp http = new LifecycleHttp(new ApiClient(port));
        String draft = http.newCase();
        ApiClient api = http.api();
        var kase = (tools.jackson.databind.node.ObjectNode) api.get("/api/v1/cases/" + draft, LifecycleHttp.BILLING).json();
        kase.remove("assessments"); // the checklist now lacks something: To finish
        assertThat(api.put("/api/v1/cases/" + draft, LifecycleHttp.BILLING, dev.authpack.support.Samples.json(kase))
                .status()).isEqualTo(200);
        String ready = http.caseWithPacket();
        String waiting = http.caseWithPacket();
        http.ok(waiting, LifecycleHttp.submitted(DAY.minusDays(20)));
        String renew = http.caseWithPacket();
        http.ok(renew, LifecycleHttp.submitted(DAY.minusDays(80)));
        http.ok(renew, LifecycleHttp.approved(DAY.minusDays(78), DAY.minusDays(78), DAY.plusDays(10), 8));
        String denied = http.caseWithPacket();
        http.ok(denied, LifecycleHttp.submitted(DAY.minusDays(20)));
        http.ok(denied, LifecycleHttp.denied(DAY.minusDays(5), "Not medically necessary"));
        String expired = http.caseWithPacket();
        http.ok(expired, LifecycleHttp.submitted(DAY.minusDays(100)));
        http.ok(expired, LifecycleHttp.approved(DAY.minusDays(98), DAY.minusDays(98), DAY.minusDays(3), 8));
        for (String template : List.of(draft, ready, waiting, renew, denied, expired)) {
            for (int i = 1; i < EACH; i++) {
                copy(template);
            }
        }
        browser = new FormClient(port).signIn(LifecycleHttp.BILLING, ApiClient.PASSWORD);
    }

    @Test
    void eachSectionOfTheStartPageShowsItsFirstFiftyAndSaysHowManyThereAreWithALinkToAllOfThem() {
        HttpResponse<String> page = warm("/worklist");

        for (String list : List.of("readyToSubmit", "waitingOnPayer", "renewSoon", "appealDue", "expired", "toFinish")) {
            String section = section(page.body(), list);
            assertThat(rows(section)).as(list).isEqualTo(50);
            assertThat(section).as(list).contains("(" + EACH + ")")
                    .contains("Showing the first 50 of " + EACH)
                    .contains("href=\"/worklist?show=" + list + "#" + list + "\"");
        }
    }

    @Test
    void showAllListsTheWholeListTwoHundredAPageWithLinksToThePreviousAndNextPages() {
        String first = section(warm("/worklist?show=waitingOnPayer").body(), "waitingOnPayer");
        assertThat(rows(first)).isEqualTo(200);
        assertThat(first).contains("Showing 1–200 of " + EACH)
                .contains("href=\"/worklist?show=waitingOnPayer&amp;page=2#waitingOnPayer\"")
                .doesNotContain("rel=\"prev\"").doesNotContain("show all");

        String body = browser.get("/worklist?show=waitingOnPayer&page=2").body();
        String second = section(body, "waitingOnPayer");
        assertThat(rows(second)).isEqualTo(EACH - 200);
        assertThat(second).contains("Showing 201–" + EACH + " of " + EACH)
                .contains("href=\"/worklist?show=waitingOnPayer&amp;page=1#waitingOnPayer\"")
                .doesNotContain("rel=\"next\"");
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        assertThat(rows(section(body, "appealDue"))).as("the other lists keep their preview").isEqualTo(50);
    }

    @Test
    void aListSortedByPatientIsShownInFullInThatOrder() {
        String sorted = section(browser.get("/worklist?list=expired&sort=patient&dir=desc").body(), "expired");
        assertThat(sorted).contains("href=\"/worklist?show=expired&amp;list=expired&amp;sort=patient&amp;dir=desc#expired\"");
        String all = section(browser.get("/worklist?show=expired&list=expired&sort=patient&dir=desc").body(), "expired");
        assertThat(ids(all).subList(0, 50)).isEqualTo(ids(sorted));
        assertThat(all).contains("dir=asc&amp;show=expired#expired"); // sorting the other way keeps the whole list
    }

    /**
     * A clerk who has just saved a draft looks for it at the top of To finish, not through "show all": a
     * draft from the list's last page, saved five minutes after the others were, comes first though its name
     * sorts last.
     */
    @Test
    void aDraftSavedJustNowIsFirstUnderToFinishWithoutShowAll() {
        List<String> lastPage = ids(section(browser.get("/worklist?show=toFinish&page=2").body(), "toFinish"));
        String draft = lastPage.get(lastPage.size() - 1);
        ApiClient api = new ApiClient(port);
        var kase = (tools.jackson.databind.node.ObjectNode) api.get("/api/v1/cases/" + draft, LifecycleHttp.BILLING).json();
        ((tools.jackson.databind.node.ObjectNode) kase.get("patient")).put("lastName", "Zzjustsaved");
        clock.at(DAY.atTime(12, 5).toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
        try {
            assertThat(api.put("/api/v1/cases/" + draft, LifecycleHttp.BILLING, dev.authpack.support.Samples.json(kase))
                    .status()).isEqualTo(200);
        } finally {
            clock.today(DAY);
        }

        String toFinish = section(browser.get("/worklist").body(), "toFinish");

        assertThat(ids(toFinish).get(0)).as("the first case under To finish").isEqualTo(draft);
        int first = toFinish.indexOf("<tr data-case=\"" + draft);
        String row = toFinish.substring(first, toFinish.indexOf("</tr>", first));
        assertThat(row).contains("Zzjustsaved", DAY.toString());
        assertThat(toFinish).contains("(" + EACH + ")");
    }

    @Test
    void theStartPageAndTheApiWorklistTakeAFewStatementsHoweverManyCasesAreReadyToSubmit() {
        browser.get("/worklist");
        List<String> page = StatementCount.during(() -> assertThat(browser.get("/worklist").statusCode()).isEqualTo(200));
        ApiClient api = new ApiClient(port);
        api.get("/api/v1/worklist", LifecycleHttp.BILLING);
        List<String> json = StatementCount.during(() -> {
            ApiClient.Response r = api.get("/api/v1/worklist", LifecycleHttp.BILLING);
            assertThat(r.status()).isEqualTo(200);
            // the contract's lists stay whole in the API: every item, and exact counts
            assertThat(r.json().get("readyToSubmit").size()).isEqualTo(EACH);
            assertThat(r.json().get("counts").get("expired").asInt()).isEqualTo(EACH);
        });

        assertThat(queries(page)).as(String.join("\n", page)).hasSizeLessThanOrEqualTo(STATEMENTS);
        assertThat(queries(json)).as(String.join("\n", json)).hasSizeLessThanOrEqualTo(STATEMENTS);
    }

    @Test
    void theApiWorklistWithALimitHoldsTheFirstItemsOfEachListAndCountsTheWholeLists() {
        ApiClient api = new ApiClient(port);
        tools.jackson.databind.JsonNode whole = api.get("/api/v1/worklist", LifecycleHttp.BILLING).json();
        ApiClient.Response r = api.get("/api/v1/worklist?limit=50", LifecycleHttp.BILLING);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text().length()).isLessThan(whole.toString().length() / 5);
        for (String list : Worklist.LISTS) {
            assertThat(r.json().get("counts").get(list).asInt()).as(list).isEqualTo(EACH);
            List<tools.jackson.databind.JsonNode> first = new ArrayList<>();
            whole.get(list).forEach(first::add);
            List<tools.jackson.databind.JsonNode> limited = new ArrayList<>();
            r.json().get(list).forEach(limited::add);
            assertThat(limited).as(list).isEqualTo(first.subList(0, 50));
        }
        ApiClient.Response sorted = api.get("/api/v1/worklist?list=expired&sort=patient&dir=desc&limit=3",
                LifecycleHttp.BILLING);
        tools.jackson.databind.JsonNode wholeSorted = api.get("/api/v1/worklist?list=expired&sort=patient&dir=desc",
                LifecycleHttp.BILLING).json();
        assertThat(sorted.json().get("expired").size()).isEqualTo(3);
        assertThat(sorted.json().get("expired").get(2)).isEqualTo(wholeSorted.get("expired").get(2));

        for (String bad : List.of("0", "-1", "ten", "2.5")) {
            ApiClient.Response refused = api.get("/api/v1/worklist?limit=" + bad, LifecycleHttp.BILLING);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(bad).isEqualTo("limit");
        }
    }

    /**
     * Every view of the start page and of the API worklist reads where each of the clinic's cases stands: only
     * the seven columns the lists use (the patient's first and last name, which it sorts by as the case list
     * does and shows as the whole name they make), in no order (each list sorts itself), not the case list's
     * fourteen sorted newest first. On PostgreSQL at 12,500 cases the sort and the unused columns made the page
     * about a fifth slower (docs/performance.md).
     */
    @Test
    void theWorklistReadsOnlyTheCaseColumnsItUsesAndLeavesTheSortingToItsLists() {
        ApiClient api = new ApiClient(port);
        List<String> page = StatementCount.during(() -> assertThat(browser.get("/worklist").statusCode()).isEqualTo(200));
        List<String> json = StatementCount.during(() ->
                assertThat(api.get("/api/v1/worklist?limit=50", LifecycleHttp.BILLING).status()).isEqualTo(200));

        for (List<String> statements : List.of(page, json)) {
            List<String> ofCases = statements.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                    .filter(s -> s.contains(" from cases ")).toList();
            assertThat(ofCases).as(String.join("\n", statements)).hasSize(1);
            String sql = ofCases.get(0);
            assertThat(sql).doesNotContain("order by");
            List<String> columns = Pattern.compile(",").splitAsStream(
                    sql.substring(sql.indexOf("select ") + 7, sql.indexOf(" from cases ")))
                    .map(c -> c.trim().replaceFirst("^\\w+\\.", "")).toList();
            assertThat(columns).containsExactlyInAnyOrder("id", "patient_first_name", "patient_last_name", "complete",
                    "requested_start", "updated_at", "version");
        }
    }

    /**
     * Every view reads the authorization of each case that has events (9,000 at a busy clinic): only the eight
     * columns the lists' rules use, as values, not the fifteen of the entity. Read as entities they were a quarter
     * of a view's CPU on PostgreSQL (docs/performance.md, session 36).
     */
    @Test
    void theWorklistReadsOnlyTheAuthorizationColumnsItsRulesUse() {
        ApiClient api = new ApiClient(port);
        List<String> page = StatementCount.during(() -> assertThat(browser.get("/worklist").statusCode()).isEqualTo(200));
        List<String> json = StatementCount.during(() ->
                assertThat(api.get("/api/v1/worklist?limit=50", LifecycleHttp.BILLING).status()).isEqualTo(200));

        for (List<String> statements : List.of(page, json)) {
            List<String> ofAuthorizations = statements.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
                    .filter(s -> s.contains(" from case_authorizations ")).toList();
            assertThat(ofAuthorizations).as(String.join("\n", statements)).hasSize(1);
            String sql = ofAuthorizations.get(0);
            List<String> columns = Pattern.compile(",").splitAsStream(
                    sql.substring(sql.indexOf("select ") + 7, sql.indexOf(" from case_authorizations ")))
                    .map(c -> c.trim().replaceFirst("^\\w+\\.", "")).toList();
            assertThat(columns).containsExactlyInAnyOrder("case_id", "status", "submitted_on", "decided_on",
                    "approved_to", "approved_sessions", "sessions_left", "appeal_deadline");
        }
    }

    /**
     * The authorization's dates reach Java as dates ({@code getObject(i, LocalDate.class)}), not as {@code java.sql.Date}
     * through the driver's {@code Calendar} and the JVM's time zone and back: at a busy clinic that conversion
     * was two thirds of the worklist's authorization read, once the read was cut to its eight columns. Read
     * from the persistence unit's own mapping, as every read and write of the table uses it.
     */
    @Test
    void theAuthorizationDatesAreReadAsDatesNotThroughTheDriversCalendar() {
        var entity = entities.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(CaseAuthorizationRecord.class);
        List<String> dates = new ArrayList<>();
        entity.forEachAttributeMapping(attribute -> {
            if (attribute.getJavaType().getJavaTypeClass() == LocalDate.class) {
                dates.add(attribute.getAttributeName());
                assertThat(attribute.getSingleJdbcMapping().getJdbcType()).as(attribute.getAttributeName())
                        .isInstanceOf(org.hibernate.type.descriptor.jdbc.LocalDateJdbcType.class);
            }
        });
        assertThat(dates).containsExactlyInAnyOrder("submittedOn", "decidedOn", "approvedFrom", "approvedTo",
                "appealDeadline");
    }

    /** Session, user, cases, authorizations, cases with a packet, newest packets, renewals, audit set and row. */
    static final int STATEMENTS = 14;

    private static List<String> queries(List<String> statements) {
        return statements.stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK")).toList();
    }

    private static List<String> ids(String section) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-case=\"([^\"]+)\"").matcher(section);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private HttpResponse<String> warm(String path) {
        browser.get(path); // the first read fills the service's caches
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    private static int rows(String section) {
        Matcher m = Pattern.compile("<tr data-case=").matcher(section);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A copy of the case under a new id, with its authorization and documents. */
    private void copy(String caseId) {
        String id = UUID.randomUUID().toString();
        jdbc.update(copySql("cases", "id"), id, caseId);
        jdbc.update(copySql("case_authorizations", "case_id"), id, caseId);
        for (String doc : jdbc.queryForList("SELECT id FROM documents WHERE case_id = ?", String.class, caseId)) {
            String columns = columns("documents", List.of("id", "case_id"));
            jdbc.update("INSERT INTO documents (id, case_id, " + columns + ") SELECT ?, ?, " + columns
                    + " FROM documents WHERE id = ?", UUID.randomUUID().toString(), id, doc);
        }
    }

    private String copySql(String table, String key) {
        String columns = columns(table, List.of(key));
        return "INSERT INTO " + table + " (" + key + ", " + columns + ") SELECT ?, " + columns + " FROM " + table
                + " WHERE " + key + " = ?";
    }

    private String columns(String table, List<String> except) {
        return String.join(", ", jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE "
                        + "table_name = ? AND is_identity = 'NO' ORDER BY ordinal_position", String.class,
                table.toUpperCase(java.util.Locale.ROOT)).stream()
                .filter(c -> !except.contains(c.toLowerCase(java.util.Locale.ROOT))).toList());
    }
}
