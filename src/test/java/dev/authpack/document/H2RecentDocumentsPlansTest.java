package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.HibernateSql;
import dev.authpack.support.ServiceMigrations;
import dev.authpack.support.SharedServiceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Recent documents' first page on H2, in the statements Hibernate sends, explained and run on a clinic of 2,500 cases
 * and 10,000 documents: read newest first from an index by clinic (V137) and stopped at the page's 51st row. It read
 * every document of the clinic, judged each against its identical copies, joined its case and sorted them all to keep
 * 51: 0.4-0.7 s a first page at 50,000 documents (docs/performance.md, "Recent documents' first page on H2").
 */
@SharedServiceTest
@Isolated("reads the JVM-wide org.hibernate.SQL log: another class's document queries would be counted as its own")
class H2RecentDocumentsPlansTest {

    private static final Pattern SCANNED = Pattern.compile("/\\* scanCount: (\\d+) \\*/");
    /** The page's 51 rows (50 and one to know a next page exists) and the identical copies passed over among them. */
    private static final int A_PAGE_AND_ITS_COPIES = 100;

    static DataSource busy;

    @Autowired
    DocumentRepository documents;

    /** A busy clinic: 2,500 cases, each with a packet, an identical copy of it, a later packet and an estimate. */
    @BeforeAll
    static void fillABusyClinic() throws SQLException {
        busy = ServiceMigrations.emptyH2("recent_documents_plans");
        ServiceMigrations.flyway("h2").dataSource(busy).load().migrate();
        try (Connection c = busy.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO clinics (id, name) VALUES ('busy', 'Busy')");
            s.execute("""
                    INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at,
                                       updated_at, data, patient_name)
                      SELECT 'case-' || X, 'busy', 'test', 'test', 'COMPLETE', TRUE, 2,
                             DATEADD(MINUTE, -4 * X, CURRENT_TIMESTAMP), DATEADD(MINUTE, -4 * X, CURRENT_TIMESTAMP), '{}',
                             'Patient ' || X
                      FROM SYSTEM_RANGE(1, 2500)""");
            s.execute("""
                    INSERT INTO documents (id, case_id, clinic_id, kind, content, sha256, pages, policy_id, policy_version,
                                           template_version, created_by, created_at, case_version, language)
                      SELECT 'document-' || g.X || '-' || k.X, 'case-' || g.X, 'busy',
                             CASE WHEN k.X = 4 THEN 'ESTIMATE' ELSE 'PACKET' END, X'00', 'sha' || g.X || '-' || k.X, 12,
                             'esketamine-standard', '2026.1', 'packet 3', 'test',
                             DATEADD(MINUTE, -(g.X * 4 - k.X), CURRENT_TIMESTAMP),
                             CASE WHEN k.X <= 2 THEN 1 ELSE 2 END, CASE WHEN k.X = 4 THEN 'en' END
                      FROM SYSTEM_RANGE(1, 2500) g, SYSTEM_RANGE(1, 4) k""");
            s.execute("ANALYZE");
        }
    }

    @Test
    void theFirstPageOfEveryKindIsReadNewestFirstFromTheClinicsIndexAndStopsAtItsEnd() throws SQLException {
        String sql = sentFor(() -> documents.recentForClinic("north", PageRequest.of(0, 50)));
        String plan = explained(sql, "busy", "busy", 51);
        assertThat(plan).as("the plan of %s", sql).contains("/* index sorted */");
        assertThat(documentsScanned(plan)).as("documents read for a page, in %s", plan)
                .isBetween(51, A_PAGE_AND_ITS_COPIES);
    }

    @Test
    void theFirstPageOfOneKindIsReadNewestFirstFromTheClinicsIndexByKindAndStopsAtItsEnd() throws SQLException {
        String sql = sentFor(() -> documents.recentForClinicOfKind("north", DocumentKind.PACKET, PageRequest.of(0, 50)));
        String plan = explained(sql, "busy", "busy", "PACKET", 51);
        assertThat(plan).as("the plan of %s", sql).contains("/* index sorted */");
        assertThat(documentsScanned(plan)).as("documents read for a page, in %s", plan)
                .isBetween(51, A_PAGE_AND_ITS_COPIES);
    }

    /** The one statement on documents Hibernate sent while {@code work} ran. */
    private static String sentFor(Runnable work) {
        List<String> sent = HibernateSql.sentWhile(work).stream().filter(s -> s.contains("from documents")).toList();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    /** {@code sql} run on the busy clinic with these parameters, as H2's EXPLAIN ANALYZE tells it. */
    private static String explained(String sql, Object... parameters) throws SQLException {
        try (Connection c = busy.getConnection(); PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            assertThat(explain.getParameterMetaData().getParameterCount()).as("parameters of %s", sql)
                    .isEqualTo(parameters.length);
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = explain.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** The rows H2 read of the outer documents table: the plan's last scan count at the top level, before the join. */
    private static int documentsScanned(String plan) {
        String outer = plan.substring(plan.indexOf("FROM \"PUBLIC\".\"DOCUMENTS\""), plan.indexOf("INNER JOIN"));
        Matcher m = SCANNED.matcher(outer);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
