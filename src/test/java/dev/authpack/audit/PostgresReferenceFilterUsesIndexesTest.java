package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail filtered by the 8-character reference the log shows (a LIKE prefix) on PostgreSQL in a
 * language's collation, as production databases are created: the statements Hibernate sends for
 * {@code GET /api/v1/audit?case=…} and {@code ?document=…}, taken from its SQL log, explained on a trail of
 * 100,000 rows. Under any collation but "C" a plain index cannot serve a LIKE prefix, and every such filter
 * read the whole trail (migration V134).
 */
@SharedServiceTest
@OnSharedPostgres
@Isolated("reads the JVM-wide org.hibernate.SQL log: another class's audit queries would be counted as its own")
class PostgresReferenceFilterUsesIndexesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A parameter the statement binds: the LIKE pattern, the full id, or a paging number. */
    private static final Pattern PARAMETER = Pattern.compile("(like |offset |first |=)\\?");

    static DataSource trail;

    @LocalServerPort
    int port;

    /** A trail of 100,000 rows: reads of 2,000 cases, downloads of their documents, and 2,000 list reads. */
    @BeforeAll
    static void fillATrailInAnEnglishCollation() throws SQLException {
        trail = ServiceMigrations.postgresAt(EmbeddedPostgresForTests.newDatabase("audit_reference_plans", "en-US"));
        ServiceMigrations.flyway("postgresql").dataSource(trail).load().migrate();
        try (Connection c = trail.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO audit_case_chunks (id, sha256, size)
                      SELECT g, md5('chunk' || g), 125 FROM generate_series(0, 319) g;
                    INSERT INTO audit_case_chunk_members (case_id, chunk_id)
                      SELECT c.id, k.id FROM (SELECT md5('case' || g)::uuid::text AS id FROM generate_series(0, 1999) g) c
                      JOIN audit_case_chunks k ON k.id % 16 = ('x' || left(c.id, 1))::bit(4)::int;
                    INSERT INTO audit_case_sets (id, sha256, size) SELECT g, md5('set' || g), 2000 FROM generate_series(0, 19) g;
                    INSERT INTO audit_case_set_chunks (chunk_id, set_id) SELECT id, id / 16 FROM audit_case_chunks;
                    INSERT INTO audit_events (occurred_at, username, clinic_id, action, case_id, document_id, outcome,
                                              cases_shown)
                      SELECT now() - g * interval '1 minute', 'north.billing', 'north',
                             CASE WHEN g % 50 = 0 THEN 'CASE_LIST_READ' WHEN g % 3 = 0 THEN 'DOCUMENT_DOWNLOADED' ELSE 'CASE_READ' END,
                             CASE WHEN g % 50 <> 0 THEN md5('case' || g % 2000)::uuid::text END,
                             CASE WHEN g % 50 <> 0 AND g % 3 = 0 THEN md5('document' || g % 6000)::uuid::text END,
                             'OK', CASE WHEN g % 50 = 0 THEN g % 20 END
                      FROM generate_series(1, 100000) g;
                    ANALYZE;
                    """);
        }
    }

    @Test
    void aCaseReferenceIsLookedUpInIndexesNotByReadingTheWholeTrail() throws SQLException {
        String reference = reference("md5('case7')");
        for (String sql : auditQueriesOf("/api/v1/audit?case=" + reference)) {
            assertTheLikesAreServedByIndexes(sql, reference);
        }
    }

    @Test
    void aDocumentReferenceIsLookedUpInAnIndexNotByReadingTheWholeTrail() throws SQLException {
        String reference = reference("md5('document9')");
        for (String sql : auditQueriesOf("/api/v1/audit?document=" + reference)) {
            assertTheLikesAreServedByIndexes(sql, reference);
        }
    }

    /**
     * The default case filter (every event) by a full id: the rows naming the case and the 2,000 list reads that
     * showed it, a union joined to the trail by primary key (as {@code id IN (union)}, which PostgreSQL planned as
     * the same join, H2 evaluated the union again for every row). Neither half may be found by reading a table
     * whole and filtering it; the count may still read the trail to join 2,050 of its 100,000 rows by hash.
     */
    @Test
    void aCaseIdWithTheListsThatShowedItIsLookedUpInIndexesNotByFilteringAWholeTable() throws SQLException {
        String id = fullId("md5('case7')");
        for (String sql : statementsOf("/api/v1/audit?case=" + id, "audit_case_chunk_members")) {
            List<String> filteringScans = new ArrayList<>();
            collectFilteringScans(plan(sql, id), filteringScans);
            assertThat(filteringScans).as("tables read whole and filtered in %s", sql).isEmpty();
        }
    }

    private static String fullId(String uuidExpression) throws SQLException {
        try (Connection c = trail.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + uuidExpression + "::uuid::text")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void collectFilteringScans(JsonNode node, List<String> scans) {
        if (node.get("Node Type").asString().equals("Seq Scan") && node.has("Filter")) {
            scans.add(node.path("Relation Name").asString("?") + " (" + node.get("Filter").asString() + ")");
        }
        node.path("Plans").forEach(child -> collectFilteringScans(child, scans));
    }

    private static String reference(String uuidExpression) throws SQLException {
        try (Connection c = trail.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT left(" + uuidExpression + "::uuid::text, 8)")) {
            r.next();
            return r.getString(1);
        }
    }

    /** The statements on audit_events with a LIKE that Hibernate sent while the service answered {@code path}. */
    private List<String> auditQueriesOf(String path) {
        return statementsOf(path, " like ?");
    }

    /** The statements on audit_events containing {@code part} that Hibernate sent while answering {@code path}. */
    private List<String> statementsOf(String path, String part) {
        List<String> statements = HibernateSql.sentWhile(
                        () -> assertThat(new ApiClient(port).get(path, "admin").status()).isEqualTo(200))
                .stream().filter(sql -> sql.contains("from audit_events") && sql.contains(part)).toList();
        assertThat(statements).as("the count and the page of " + path).hasSize(2);
        return statements;
    }

    /**
     * Explains {@code sql} with its parameters (the pattern, the first page) on the filled trail: every node
     * applying a LIKE must read an index range, none may be a sequential scan.
     */
    private static void assertTheLikesAreServedByIndexes(String sql, String reference) throws SQLException {
        JsonNode plan = plan(sql, reference + "%");
        List<String> likes = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        collect(plan, likes, ranges);
        int expected = sql.split(" like \\?", -1).length - 1;
        assertThat(likes).as("the nodes applying the LIKE of %s", sql).hasSize(expected)
                .noneMatch(node -> node.startsWith("Seq Scan"));
        assertThat(ranges).as("index ranges for the reference in %s", sql).hasSize(expected);
    }

    /** The plan of {@code sql} on the filled trail, with {@code searched} for each id or pattern and the first page. */
    private static JsonNode plan(String sql, String searched) throws SQLException {
        JsonNode plan;
        try (Connection c = trail.getConnection(); PreparedStatement explain = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            Matcher parameter = PARAMETER.matcher(sql);
            for (int i = 1; parameter.find(); i++) {
                switch (parameter.group(1)) {
                    case "like ", "=" -> explain.setString(i, searched);
                    case "offset " -> explain.setInt(i, 0);
                    default -> explain.setInt(i, 50);
                }
            }
            try (ResultSet r = explain.executeQuery()) {
                r.next();
                plan = JSON.readTree(r.getString(1)).get(0).get("Plan");
            }
        }
        return plan;
    }

    private static void collect(JsonNode node, List<String> likes, List<String> ranges) {
        String filter = node.path("Filter").asString("");
        if (filter.contains("~~")) {
            likes.add(node.get("Node Type").asString() + " on " + node.path("Relation Name").asString("?")
                    + " (" + filter + ")");
        }
        if (node.path("Index Cond").asString("").contains("~>=~")) {
            ranges.add(node.path("Index Name").asString());
        }
        node.path("Plans").forEach(child -> collect(child, likes, ranges));
    }
}
