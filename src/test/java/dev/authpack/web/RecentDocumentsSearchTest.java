package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.NewDocument;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clinic staff find a patient's PDF on Recent documents by what finds the patient's case on the case
 * list (one rule, {@code casefile.PatientSearch}), over HTTP, with the search text in no address.
 */
@SharedServiceTest
class RecentDocumentsSearchTest {

    @LocalServerPort
    int port;
    @Autowired
    DocumentStore store;

    /** A caller gives the date of birth or the member id, not the name: both pages find the patient by either. */
    @Test
    void recentDocumentsFindAPatientByMemberIdOrBirthDateAsTheCaseListDoes() {
        String id = createCase("Dana", "Birthdocs", "1931-11-27", "QZ7-000 4411");
        String document = save(id);
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");
        FormClient billing = new FormClient(port).signIn("north.billing", "demo-pass-2026");

        for (String typed : new String[] {"1931-11-27", "11/27/1931", "qz70004411", "QZ7 000-44"}) {
            assertThat(searchDocuments(staff, typed)).as(typed).contains(document, "Dana Birthdocs");
            assertThat(searchCases(billing, typed)).as(typed).contains("Dana Birthdocs</a>");
        }
        assertThat(searchDocuments(staff, "1931-11-28")).contains("No documents match.").doesNotContain(document);
    }

    /**
     * Billing staff and payers write a name last name first, with a comma: "Commadocs, Dana" finds Dana Commadocs on
     * both pages, in part too; the name as shown, its last name alone, and its words in the other order still find
     * her; the comma tells the last name, so "Dana, Commadocs" (last name Dana) does not.
     */
    @Test
    void aNameWrittenLastNameFirstWithACommaFindsThePatientOnBothPages() {
        String id = createCase("Dana", "Commadocs", "1932-01-05", "QZ8-100");
        String document = save(id);
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");
        FormClient billing = new FormClient(port).signIn("north.billing", "demo-pass-2026");

        for (String typed : new String[] {"Commadocs, Dana", "COMMADOCS,DANA", "commadocs , da", "Commadocs,",
                "Dana Commadocs", "commadocs", "ana comma", "Commadocs Dana"}) {
            assertThat(searchDocuments(staff, typed)).as(typed).contains(document, "Dana Commadocs");
            assertThat(searchCases(billing, typed)).as(typed).contains("Dana Commadocs</a>");
        }
        assertThat(searchDocuments(staff, "Dana, Commadocs")).doesNotContain(document);
        assertThat(searchCases(billing, "Dana, Commadocs")).doesNotContain("Dana Commadocs</a>");
    }

    /**
     * The page sends no developer's note: an HTML comment in the row went to the browser once a document, some
     * 6 KB of every page of 50; a Thymeleaf parser-level comment stays in the template.
     */
    @Test
    void recentDocumentsSendNoDeveloperCommentWithTheirRows() {
        String document = save(createCase("Dana", "Notedocs", "1932-02-09", "QZ9-200"));
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");

        String page = searchDocuments(staff, "Notedocs");

        assertThat(page).contains(document).doesNotContain("<!--");
    }

    /**
     * A page number past the end (an address typed or kept, or a search that now finds fewer) shows the last page,
     * as the case list and the audit log do: it said "There are no documents this far back." and its "Newer
     * documents" link went back one empty page a click. Nothing found at all says so, without page links.
     */
    @Test
    void aPageNumberPastTheEndOfRecentDocumentsShowsTheLastPage() {
        String id = createCase("Dana", "Pastdocs", "1932-03-11", "QZ9-300");
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            saved.add(save(id));
        }
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");
        searchDocuments(staff, "Pastdocs");

        String last = staff.get("/documents?page=500").body();

        assertThat(last).contains("Documents 51 to 51 that match, newest first", saved.get(0),
                "rel=\"prev\" href=\"/documents?page=1\">Newer documents<").doesNotContain("this far back", "rel=\"next\"");
        searchDocuments(staff, "Pastdocs Nobody");
        assertThat(staff.get("/documents?page=3").body()).contains("No documents match.").doesNotContain("rel=\"prev\"");
    }

    private String createCase(String first, String last, String born, String member) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("firstName", first).put("lastName", last).put("dateOfBirth", born)
                .put("memberId", member);
        ApiClient.Response created = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.json(tree));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A small stored document of the case, as generating one stores it (the list never reads its bytes). */
    private String save(String caseId) {
        byte[] bytes = (caseId + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return store.save(new NewDocument(UUID.fromString(caseId), "north", DocumentKind.ESTIMATE,
                new RenderedPdf(bytes, 1, PdfRenderer.sha256(bytes), "test 1"), null, null, "north.billing"))
                .id().toString();
    }

    /** Searches as the page's form does: posted, kept in the session, and the address it leads to holds no search. */
    static String searchDocuments(FormClient session, String text) {
        return searched(session, "/documents", text);
    }

    static String searchCases(FormClient session, String text) {
        return searched(session, "/cases", text);
    }

    private static String searched(FormClient session, String page, String text) {
        session.get(page);
        HttpResponse<String> posted = session.post(page + "/search", "q", text);
        assertThat(posted.statusCode()).isEqualTo(302);
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo(page);
        assertThat(location.getRawQuery()).isNull();
        return session.get(page).body();
    }
}
