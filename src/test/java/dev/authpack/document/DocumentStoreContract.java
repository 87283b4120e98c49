package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store's behaviour, run against each database the migrations must support. */
abstract class DocumentStoreContract {

    @Autowired
    DocumentStore store;
    @Autowired
    JdbcTemplate jdbc;

    UUID caseId;

    @BeforeEach
    void aCase() {
        caseId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO clinics (id, name) SELECT 'north', 'North' WHERE NOT EXISTS (SELECT 1 FROM clinics WHERE id = 'north')");
        jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data) VALUES (?, 'north', 'north.billing', 'north.billing', 'DRAFT', FALSE, 0, ?, ?, '{}')",
                caseId.toString(), java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
    }

    static RenderedPdf pdf(byte[] bytes, int pages) {
        return new RenderedPdf(bytes, pages, PdfRenderer.sha256(bytes), "test 1");
    }

    @Test
    void storedBytesComeBackExactlyWithTheirHash() {
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        DocumentView saved = store.save(new NewDocument(caseId, "north", DocumentKind.PACKET, pdf(bytes, 6),
                "esketamine-standard", "2026.1", "north.billing"));

        DocumentStore.DocumentContent back = store.content(saved.id(), "north").orElseThrow();
        assertThat(back.bytes()).isEqualTo(bytes);
        assertThat(PdfRenderer.sha256(back.bytes())).isEqualTo(saved.sha256());
        assertThat(back.document()).isEqualTo(saved);
        assertThat(saved.pages()).isEqualTo(6);
        assertThat(saved.templateVersion()).isEqualTo("test 1");
    }

    @Test
    void anotherClinicsDocumentIsNotFound() {
        DocumentView saved = store.save(new NewDocument(caseId, "north", DocumentKind.ESTIMATE, pdf(new byte[]{1}, 1),
                null, null, "north.billing"));
        assertThat(store.content(saved.id(), "south")).isEmpty();
        assertThat(store.list(caseId, "south")).isEmpty();
    }

    @Test
    void listIsNewestFirst() throws Exception {
        DocumentView first = store.save(new NewDocument(caseId, "north", DocumentKind.PACKET, pdf(new byte[]{1}, 1),
                null, null, "north.billing"));
        // the same instant for both: the order must not depend on the clock's resolution
        jdbc.update("UPDATE documents SET created_at = (SELECT created_at FROM documents WHERE id = ?) WHERE case_id = ?",
                first.id().toString(), caseId.toString());
        DocumentView second = store.save(new NewDocument(caseId, "north", DocumentKind.EXCEPTION_PACKET,
                pdf(new byte[]{2}, 1), null, null, "north.billing"));
        List<DocumentView> listed = store.list(caseId, "north");
        assertThat(listed).extracting(DocumentView::id).containsExactly(second.id(), first.id());
    }
}
