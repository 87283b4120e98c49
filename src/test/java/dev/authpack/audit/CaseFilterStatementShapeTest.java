package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.HibernateSql;
import dev.authpack.support.SharedServiceTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The statements Hibernate sends for the audit trail filtered by a case with every event (the default): the
 * events naming the case and the list reads that showed it, as one union joined to the trail. As
 * {@code id IN (union)} H2 evaluated the union again for every row it found, 3.3 s for a case in 1,041 events
 * on a 36,000-event trail (docs/performance.md); as {@code case_id = ? OR cases_shown IN (...)} PostgreSQL reads
 * the whole trail. What each database makes of the join is measured there, and on PostgreSQL checked by
 * {@link PostgresReferenceFilterUsesIndexesTest}; this checks the shape the figures are for.
 */
@SharedServiceTest
@Isolated("reads the JVM-wide org.hibernate.SQL log: another class's audit queries would be counted as its own")
class CaseFilterStatementShapeTest {

    @LocalServerPort
    int port;

    @Test
    void theEventsConcerningACaseAreJoinedToTheTrailNotTestedRowByRowAgainstTheirUnion() {
        String caseId = UUID.randomUUID().toString();
        for (String path : List.of("/api/v1/audit?case=" + caseId, "/api/v1/audit?case=" + caseId.substring(0, 8))) {
            List<String> statements = auditQueriesOf(path);
            assertThat(statements).as("the count and the page of " + path).hasSize(2).allSatisfy(sql -> {
                assertThat(sql).as("the union of the two kinds of events").containsOnlyOnce(" union ");
                assertThat(sql.substring(0, sql.indexOf(" union "))).as("what comes before the union")
                        .containsPattern("join \\(\\s*\\(?\\s*select").doesNotContain(".id in (");
            });
        }
    }

    /**
     * The lines say what a document is ("packet 3f5202b2"): its kind is joined to the page of events by the
     * documents' key, so a page is still its count and one query, not a query more for the kinds.
     */
    @Test
    void aPageOfEventsReadsTheKindsOfItsDocumentsInTheSameQuery() {
        List<String> statements = HibernateSql.sentWhile(() -> assertThat(new ApiClient(port)
                        .get("/api/v1/audit?size=5", "admin").status()).isEqualTo(200))
                .stream().map(sql -> sql.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("select") && (sql.contains("audit_events") || sql.contains(" documents "))).toList();
        assertThat(statements).as("the count and the page").hasSize(2);
        assertThat(statements.get(1)).containsPattern("left join documents \\w+ on \\w+\\.id ?= ?\\w+\\.document_id");
    }

    /** The statements on audit_events that Hibernate sent while the service answered {@code path}. */
    private List<String> auditQueriesOf(String path) {
        return HibernateSql.sentWhile(() -> assertThat(new ApiClient(port).get(path, "admin").status()).isEqualTo(200))
                .stream().map(sql -> sql.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(sql -> sql.contains("from audit_events") && sql.contains("audit_case_chunk_members")).toList();
    }
}
