package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin audit log over HTTP: names and words instead of bare ids, the filters from the page
 * (action as a choice), and the filtered log as CSV, parsed back: quoting holds, formulas are
 * defused, and the export is itself audited.
 */
@SharedServiceTest
class AuditExportTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePageShowsNamesAndWordsAndFiltersByActionChosenFromAList() {
        String caseId = new ApiClient(port).post("/api/v1/cases", "north.billing",
                Samples.text("01-complete-esketamine")).json().get("id").asString();
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);

        String page = admin.get("/admin/audit?user=north.billing&action=CASE_CREATED&case=" + caseId).body();

        assertThat(page).contains("<select id=\"f-action\" name=\"action\">",
                "<option value=\"CASE_CREATED\" selected=\"selected\">created a case</option>");
        assertThat(page).contains("Maria Santos (north.billing)", ">created a case<",
                ">case " + caseId.substring(0, 8) + " of North Clinic<", "1 events");
        assertThat(page).as("the full id only in the link and its title, never as the text")
                .doesNotContain(">" + caseId + "<");
        assertThat(page).doesNotContain("Dana").doesNotContain("Reyes");
    }

    @Test
    void theFilteredLogDownloadsAsCsvWithQuotingAndFormulasDefused() {
        String user = "csv.user." + System.nanoTime() % 1_000_000;
        String hostile = "=HYPERLINK(\"http://evil.example\",\"Pay, now\")";
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users", "username", user, "displayName", hostile, "role", "CLINIC",
                "clinicId", "north", "password", "csv-export-passphrase-9").statusCode()).isEqualTo(302);
        new FormClient(port).signIn(user, "csv-export-passphrase-9");
        new FormClient(port).signIn(user, "csv-export-passphrase-9");

        HttpResponse<byte[]> csv = admin.download("/admin/audit.csv?user=" + user + "&action=LOGIN");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        List<List<String>> rows = parse(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactlyElementsOf(AuditCsv.HEADER);
        assertThat(rows).hasSize(3);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(AuditCsv.HEADER.size());
            assertThat(row.get(1)).isEqualTo(user);
            assertThat(row.get(2)).isEqualTo("'" + hostile + " (" + user + ")");
            assertThat(row.get(4)).isEqualTo("LOGIN");
            assertThat(row.get(5)).isEqualTo("signed in");
            assertThat(row.get(7)).isEqualTo("done");
            assertThat(row).noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
        }
        assertThat(jdbc.queryForObject("select detail from audit_events where action = 'AUDIT_EXPORTED' "
                + "and username = 'admin' and detail like ? order by id desc limit 1", String.class, "%" + user + "%"))
                .isEqualTo("user=" + user + " action=LOGIN");
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);

        HttpResponse<String> bad = admin.get("/admin/audit.csv?from=yesterday");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"");
    }

    /**
     * The page's "List reads" choice: "Without list reads" shows a case's reads and changes and not the lists that
     * showed it, says how many, keeps the choice in its page links, and its CSV link exports the same rows the
     * page shows (the export recording the choice); "List reads only" shows the lists alone.
     */
    @Test
    void thePageLeavesOutListReadsWhenAskedAndItsCsvLinkExportsTheSameRows() {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        api.get("/api/v1/cases", "north.clinic");
        api.get("/api/v1/cases/" + caseId, "north.clinic");
        api.get("/api/v1/cases", "north.clinic");
        api.get("/api/v1/cases/" + caseId + "/completeness", "north.clinic");
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);

        String page = admin.get("/admin/audit?user=north.clinic&lists=Exclude&size=1&case=" + caseId).body();
        String lists = admin.get("/admin/audit?user=north.clinic&lists=only&case=" + caseId).body();

        assertThat(page).contains("<select id=\"f-lists\" name=\"lists\">",
                "<option value=\"exclude\" selected=\"selected\">Without list reads</option>", "2 events",
                "Page 1 of 2", "data-action=\"COMPLETENESS_CHECKED\"",
                "&amp;lists=exclude&amp;from=&amp;to=&amp;page=1&amp;size=1\">Older events</a>");
        assertThat(page).doesNotContain("data-action=\"CASES_LISTED\"");
        assertThat(lists).contains("2 events", "data-action=\"CASES_LISTED\"")
                .doesNotContain("data-action=\"CASE_READ\"");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"audit-csv\"[^>]*href=\"([^\"]+)\"|"
                + "href=\"([^\"]+)\"[^>]*id=\"audit-csv\"").matcher(page);
        assertThat(link.find()).isTrue();
        String csvLink = (link.group(1) != null ? link.group(1) : link.group(2)).replace("&amp;", "&");
        assertThat(csvLink).contains("lists=exclude");
        List<List<String>> rows = parse(new String(admin.download(csvLink).body(), StandardCharsets.UTF_8));
        int action = AuditCsv.HEADER.indexOf("action");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(action))
                .containsExactly("COMPLETENESS_CHECKED", "CASE_READ");
        assertThat(jdbc.queryForObject("select detail from audit_events where action = 'AUDIT_EXPORTED' "
                + "and detail like ? order by id desc limit 1", String.class, "%" + caseId + "%"))
                .isEqualTo("user=north.clinic case=" + caseId + " lists=exclude");
    }

    /** RFC 4180: fields split on commas outside quotes, "" inside quotes is a quote, rows end in CRLF. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).as("text after the last row").isEmpty();
        return rows;
    }
}
