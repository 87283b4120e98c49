package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.HibernateSql;
import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.ServiceMigrations;
import dev.authpack.support.SharedServiceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recent documents' "newest of its identical copies" condition ({@link IdenticalCopies#NEWEST_OF_ITS_COPIES}) on
 * PostgreSQL, in the statements Hibernate sends for the count (a page past the end) and for the ids of every
 * document (a search finding over 1,000 cases, on every view), explained on a clinic of 12,500 cases and 50,000
 * documents. The condition must be planned as an anti-join: a sub-plan run once per document made the count and
 * the ids 10 to 30 times slower than before the condition (measured at 50,000 documents: 0.7-1.0 s against 25-100 ms).
 */
@SharedServiceTest
@OnSharedPostgres
@Isolated("reads the JVM-wide org.hibernate.SQL log: another class's document queries would be counted as its own")
class PostgresRecentDocumentsPlansTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EnumSet<DocumentKind> EVERY_KIND = EnumSet.allOf(DocumentKind.class);

    static DataSource busy;

    @Autowired
    DocumentRepository documents;

    /** A busy clinic: 12,500 cases, each with a packet, an identical copy of it, a later packet and an estimate. */
    @BeforeAll
    static void fillABusyClinic() throws SQLException {
        busy = ServiceMigrations.postgresAt(EmbeddedPostgresForTests.newDatabase("recent_documents_plans"));
        ServiceMigrations.flyway("postgresql").dataSource(busy).load().migrate();
        try (Connection c = busy.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO clinics (id, name) VALUES ('busy', 'Busy');
                    INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at,
                                       updated_at, data, patient_name)
                      SELECT md5('case' || g)::uuid::text, 'busy', 'test', 'test', 'COMPLETE', TRUE, 2,
                             now() - g * interval '4 minutes', now() - g * interval '4 minutes', '{}', 'Patient ' || g
                      FROM generate_series(1, 12500) g;
                    INSERT INTO documents (id, case_id, clinic_id, kind, content, sha256, pages, policy_id, policy_version,
                                           template_version, created_by, created_at, case_version, language)
                      SELECT md5('document' || g || '-' || k)::uuid::text, md5('case' || g)::uuid::text, 'busy',
                             CASE WHEN k = 4 THEN 'ESTIMATE' ELSE 'PACKET' END, '\\x00'::bytea, md5(g || '-' || k), 12,
                             'esketamine-standard', '2026.1', 'packet 3', 'test', now() - (g * 4 - k) * interval '1 minute',
                             CASE WHEN k <= 2 THEN 1 ELSE 2 END, CASE WHEN k = 4 THEN 'en' END
                      FROM generate_series(1, 12500) g, generate_series(1, 4) k;
                    ANALYZE;
                    """);
        }
    }

    @Test
    void theCountOfAPagePastTheEndFindsTheNewestCopiesByAnAntiJoinNotOneSubqueryPerDocument() throws SQLException {
        String sql = sentFor(() -> documents.countForClinic("north", EVERY_KIND));
        assertThat(subPlans(plan(sql))).as("sub-plans run per document in %s", sql).isEmpty();
    }

    @Test
    void theIdsOfEveryDocumentFindTheNewestCopiesByAnAntiJoinNotOneSubqueryPerDocument() throws SQLException {
        String sql = sentFor(() -> documents.refsForClinic("north", EVERY_KIND));
        assertThat(subPlans(plan(sql))).as("sub-plans run per document in %s", sql).isEmpty();
    }

    /** The one statement on documents Hibernate sent while {@code work} ran. */
    private static String sentFor(Runnable work) {
        List<String> sent = HibernateSql.sentWhile(work).stream().filter(s -> s.contains("from documents")).toList();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    /** The plan of {@code sql} on the busy clinic: the clinic for each clinic parameter, then every kind. */
    private static JsonNode plan(String sql) throws SQLException {
        try (Connection c = busy.getConnection();
             PreparedStatement explain = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            int parameters = explain.getParameterMetaData().getParameterCount();
            assertThat(parameters).as("two clinic ids and the kinds in %s", sql).isEqualTo(2 + EVERY_KIND.size());
            explain.setString(1, "busy");
            explain.setString(2, "busy");
            int i = 3;
            for (DocumentKind kind : EVERY_KIND) {
                explain.setString(i++, kind.name());
            }
            try (ResultSet r = explain.executeQuery()) {
                r.next();
                return JSON.readTree(r.getString(1)).get(0).get("Plan");
            }
        }
    }

    private static List<String> subPlans(JsonNode plan) {
        List<String> found = new ArrayList<>();
        collectSubPlans(plan, found);
        return found;
    }

    private static void collectSubPlans(JsonNode node, List<String> found) {
        if (node.path("Parent Relationship").asString("").equals("SubPlan")) {
            found.add(node.get("Node Type").asString() + " on " + node.path("Relation Name").asString("?"));
        }
        node.path("Plans").forEach(child -> collectSubPlans(child, found));
    }
}
