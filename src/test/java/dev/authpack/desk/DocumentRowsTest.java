package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseStatus;
import dev.authpack.casefile.StoredCase;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The case page's documents: copies of one document (one kind, language, case version and policy
 * version) fold under the newest; anything else is a row of its own; a row made before the case last
 * changed is outdated; documents without a recorded case version never fold.
 */
class DocumentRowsTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final StoredCase VERSION_3 = new StoredCase(CASE, "north", 3, CaseStatus.READY, true,
            Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-10T10:00:00Z"), "a", "a", null);

    @Test
    void copiesOfOneDocumentFoldUnderTheNewestAndOthersStandAlone() {
        DocumentView newest = doc(DocumentKind.PACKET, "en", 3L, "2026.1", 5);
        DocumentView copy = doc(DocumentKind.PACKET, "en", 3L, "2026.1", 4);
        DocumentView olderCopy = doc(DocumentKind.PACKET, "en", 3L, "2026.1", 3);
        DocumentView spanish = doc(DocumentKind.ESTIMATE, "es", 3L, "2026.1", 2);
        DocumentView english = doc(DocumentKind.ESTIMATE, "en", 3L, "2026.1", 1);
        DocumentView otherPolicy = doc(DocumentKind.PACKET, "en", 3L, "2026.2", 0);
        DocumentView beforeTheChange = doc(DocumentKind.PACKET, "en", 2L, "2026.1", -1);

        List<DocumentRows.Row> rows = DocumentRows.of(
                List.of(newest, copy, spanish, olderCopy, english, otherPolicy, beforeTheChange), VERSION_3);

        assertThat(rows).extracting(DocumentRows.Row::document)
                .containsExactly(newest, spanish, english, otherPolicy, beforeTheChange);
        assertThat(rows.get(0).earlier()).containsExactly(copy, olderCopy);
        assertThat(rows.get(1).earlier()).isEmpty();
        assertThat(rows).extracting(DocumentRows.Row::outdated).containsExactly(false, false, false, false, true);
    }

    @Test
    void documentsWithoutACaseVersionNeverFoldAndAreOutdatedByTime() {
        DocumentView a = doc(DocumentKind.PACKET, null, null, null, 12);
        DocumentView b = doc(DocumentKind.PACKET, null, null, null, 11);
        DocumentView c = doc(DocumentKind.PACKET, "", 3L, "", 3);
        DocumentView d = doc(DocumentKind.PACKET, null, 3L, null, 2);

        List<DocumentRows.Row> rows = DocumentRows.of(List.of(a, b, c, d), VERSION_3);

        assertThat(rows).extracting(DocumentRows.Row::document).containsExactly(a, b, c);
        assertThat(rows.get(2).earlier()).as("no language and no policy version are one of each").containsExactly(d);
        assertThat(rows).extracting(DocumentRows.Row::outdated).containsExactly(false, false, false);
        assertThat(DocumentRows.of(List.of(doc(DocumentKind.PACKET, null, null, null, -2)), VERSION_3))
                .extracting(DocumentRows.Row::outdated).containsExactly(true);
        assertThat(DocumentRows.of(List.of(), VERSION_3)).isEmpty();
    }

    /** A document made {@code days} days after the case's last change (negative: before it). */
    private static DocumentView doc(DocumentKind kind, String language, Long caseVersion, String policyVersion, int days) {
        return new DocumentView(UUID.randomUUID(), CASE, kind, 4, "00",
                Instant.parse("2026-11-10T10:00:00Z").plusSeconds(86_400L * days), "esketamine-standard", policyVersion,
                "t", caseVersion, language);
    }
}
