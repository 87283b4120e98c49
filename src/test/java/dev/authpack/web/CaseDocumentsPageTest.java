package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.SharedServiceTest;
import tools.jackson.databind.JsonNode;

import dev.authpack.authorization.LifecycleHttp;

import java.time.ZoneOffset;

import java.time.LocalDate;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.NewDocument;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents on the case page over HTTP: a packet made before the case changed is marked
 * outdated in the list and above its preview; the list names kind and language, folds identical
 * copies under the newest and links the document just made; buttons that could only fail are
 * replaced by what is needed (and the exception packet where it can be made).
 */
@SharedServiceTest
class CaseDocumentsPageTest {

    static final Pattern NEW_DOCUMENT = Pattern.compile("id=\"new-document\" href=\"/documents/([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;
    FormClient clerk;
    ApiClient api;

    @BeforeEach
    void signIn() {
        clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        api = new ApiClient(port);
    }

    /** The packet buttons send exception=true or nothing: any other value is the form's problem, said on the case page. */
    @Test
    void anExceptionValueThatIsNotTrueOrFalseComesBackToTheCasePageNamingIt() {
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        clerk.get("/cases/" + id);

        HttpResponse<String> tampered = clerk.post("/cases/" + id + "/packet", "exception", "maybe");

        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(302);
        assertThat(tampered.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id + "#documents");
        String page = followed(tampered);
        assertThat(page).contains("“exception” must be true or false").doesNotContain("Something went wrong");
        assertThat(api.get("/api/v1/cases/" + id + "/documents", "north.billing").json()).isEmpty();
    }

    @Test
    void aMalformedDocumentIdIsNotFoundAsAnUnknownOneIs() {
        for (String path : new String[] {"/documents/xyz", "/documents/xyz/pages/1",
                "/documents/00000000-0000-0000-0000-000000000000", "/cases/not-a-uuid"}) {
            HttpResponse<String> r = clerk.get(path);

            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("Not found").doesNotContain("Something went wrong");
        }
    }

    /** Any malformed id or number in a page's address is "not found", whatever the page, GET or POST. */
    @Test
    void aMalformedPieceOfAnyPageAddressIsNotFound() {
        String id = createCase("01-complete-esketamine", "Malformedpath");
        for (String path : new String[] {"/cases/" + id + "/attachments/not-a-uuid",
                "/documents/00000000-0000-0000-0000-000000000000/pages/abc"}) {
            HttpResponse<String> r = clerk.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("Not found");
        }
        clerk.get("/cases/" + id);
        HttpResponse<String> post = clerk.post("/cases/not-a-uuid/estimate", "lang", "en");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("Not found").doesNotContain("Something went wrong");
    }

    @Test
    void anEstimateInALanguageOtherThanEnglishOrSpanishIsRefusedOnThePageAndNothingIsStored() {
        String id = createCase("01-complete-esketamine", "Languagefr");
        clerk.get("/cases/" + id);

        HttpResponse<String> refused = clerk.post("/cases/" + id + "/estimate", "lang", "fr");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(clerk.get("/cases/" + id).body())
                .contains("The estimate was not made: its language (lang) must be en for English or es for Spanish.");
        assertThat(api.get("/api/v1/cases/" + id + "/documents", "north.billing").json()).isEmpty();
    }

    @Test
    void aPacketMadeBeforeTheCaseChangedIsMarkedOutdatedInTheListAndThePreview() {
        String id = createCase("01-complete-esketamine", "Stalemark");
        String page = generate(id, "packet");
        assertThat(page).contains("data-outdated=\"false\"").doesNotContain("Made before the last change");
        Matcher link = NEW_DOCUMENT.matcher(page);
        assertThat(link.find()).as("link to the new document").isTrue();
        HttpResponse<String> download = clerk.get("/documents/" + link.group(1));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"Stalemark-Dana-packet-\\d{4}-\\d{2}-\\d{2}\\.pdf\"");

        ObjectNode current = (ObjectNode) api.get("/api/v1/cases/" + id, "north.billing").json();
        ((ObjectNode) current.get("request")).put("sessions", 6);
        assertThat(api.put("/api/v1/cases/" + id, "north.billing", Samples.json(current)).status()).isEqualTo(200);

        String after = clerk.get("/cases/" + id).body();
        assertThat(after).contains("data-outdated=\"true\"", "id=\"preview-outdated\"")
                .contains("Made before the last change to the case on");
        assertThat(api.get("/api/v1/cases/" + id + "/documents", "north.billing").json().get(0)
                .get("caseVersion").asLong()).isEqualTo(current.get("version").asLong());
    }

    @Test
    void documentsShowKindAndLanguageAndIdenticalCopiesFoldUnderTheNewest() {
        String id = createCase("01-complete-esketamine", "Listlabels");
        clerk.get("/cases/" + id);
        clerk.post("/cases/" + id + "/estimate", "lang", "es");
        clerk.get("/cases/" + id);
        clerk.post("/cases/" + id + "/estimate", "lang", "es");
        String page = generate(id, "estimate");

        assertThat(page).contains("Cost estimate \u2014 Spanish", "Cost estimate \u2014 English",
                "1 earlier identical copy<").doesNotContain("cop(ies)");
        assertThat(count(page, "data-kind=\"ESTIMATE\"")).isEqualTo(2);
    }

    @Test
    void anIncompleteCaseSaysWhyInsteadOfOfferingButtonsThatCanOnlyFail() {
        clerk.get("/cases/new");
        String blank = URI.create(clerk.post("/cases/new", "patient.lastName", "Nobuttons").headers()
                .firstValue("Location").orElseThrow()).getPath();
        String page = clerk.get(blank).body();
        assertThat(page).doesNotContain("id=\"generate-packet\"", "id=\"generate-estimate\"", "id=\"generate-exception\"")
                .contains("id=\"packet-blocked\"", "id=\"estimate-blocked\"", "A packet needs a payer policy");

        String notMet = clerk.get("/cases/" + createCase("02-one-failed-trial", "Exceptionoffer")).body();
        assertThat(notMet).doesNotContain("id=\"generate-packet\"")
                .contains("id=\"generate-exception\"", "some criteria are not met", "id=\"generate-estimate\"");
    }

    /** Clinic staff pick the patient's estimate from the recent documents: each row says its language. */
    @Test
    void recentDocumentsNameEachEstimatesLanguage() {
        String id = createCase("01-complete-esketamine", "Recentlang");
        clerk.get("/cases/" + id);
        clerk.post("/cases/" + id + "/estimate", "lang", "es");
        generate(id, "estimate");

        String recent = new FormClient(port).signIn("north.clinic", "demo-pass-2026").get("/documents").body();
        String rows = recent.substring(recent.indexOf("id=\"recent-documents\""));
        assertThat(rows).contains("Cost estimate \u2014 Spanish", "Cost estimate \u2014 English");
    }

    /**
     * Clinic staff download packets from Recent documents and billing starts from the worklist: an
     * outdated packet says so on both, as on the case page, so it is not faxed by mistake.
     */
    @Test
    void aPacketMadeBeforeTheCaseChangedIsMarkedOutdatedOnRecentDocumentsAndTheWorklist() {
        String fresh = createCase("01-complete-esketamine", "Recentfresh");
        generate(fresh, "packet");
        String stale = createCase("01-complete-esketamine", "Recentstale");
        generate(stale, "packet");
        ObjectNode current = (ObjectNode) api.get("/api/v1/cases/" + stale, "north.billing").json();
        ((ObjectNode) current.get("facility")).put("address", "2 Elm St, Springfield, MA 01101");
        assertThat(api.put("/api/v1/cases/" + stale, "north.billing", Samples.json(current)).status()).isEqualTo(200);

        String recent = new FormClient(port).signIn("north.clinic", "demo-pass-2026").get("/documents").body();
        String worklist = clerk.get("/worklist").body();

        assertThat(row(recent, "Dana Recentstale")).contains("data-outdated=\"true\"",
                "Made before the last change to the case on");
        assertThat(row(recent, "Dana Recentfresh")).contains("data-outdated=\"false\"")
                .doesNotContain("Made before the last change");
        assertThat(row(worklist, "Dana Recentstale"))
                .contains("Complete, but the packet predates the last change: generate it again before sending");
        assertThat(row(worklist, "Dana Recentfresh")).contains("Complete and packet generated; not yet submitted");
    }

    @Test
    void theStartPageListsCasesStillToFinishWithWhatEachNeeds() {
        String unfinished = createCase("02-one-failed-trial", "Tofinishdraft");
        String unprinted = createCase("01-complete-esketamine", "Tofinishnopacket");
        String printed = createCase("01-complete-esketamine", "Tofinishdone");
        generate(printed, "packet");

        String page = clerk.get("/worklist").body();
        String toFinish = page.substring(page.indexOf("id=\"toFinish\""));

        assertThat(row(toFinish, "Tofinishdraft")).contains(unfinished, "The checklist still lacks something");
        assertThat(row(toFinish, "Tofinishnopacket")).contains(unprinted, "Complete: generate the packet");
        assertThat(toFinish).doesNotContain("Tofinishdone");
        assertThat(page).contains("href=\"#toFinish\"");
    }

    @Test
    void theCasePageLinksTheAppealPacketJustMadeAsItDoesAPacket() {
        LifecycleHttp lifecycle = new LifecycleHttp(api);
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(LocalDate.now(ZoneOffset.UTC).minusDays(2)));
        lifecycle.ok(id, LifecycleHttp.denied(LocalDate.now(ZoneOffset.UTC).minusDays(1), "Not medically necessary."));
        clerk.get("/cases/" + id);

        String page = followed(clerk.post("/cases/" + id + "/appeal-packet"));

        Matcher link = NEW_DOCUMENT.matcher(page);
        assertThat(link.find()).as("a link to the appeal packet just made").isTrue();
        JsonNode made = api.get("/api/v1/cases/" + id + "/documents", "north.billing").json().get(0);
        assertThat(made.get("kind").asString()).isEqualTo("APPEAL_PACKET");
        assertThat(link.group(1)).isEqualTo(made.get("id").asString());
    }

    /** The table row of a page that names {@code text}. */
    private static String row(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as(text + " on the page").isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    /** The clinic's latest documents come newest first, each with its patient, and never another clinic's. */
    @Test
    void recentDocumentsAreTheClinicsOwnNewestFirstWithTheirPatient() {
        String older = createCase("01-complete-esketamine", "Recentolder");
        generate(older, "estimate");
        String newer = createCase("01-complete-esketamine", "Recentnewer");
        generate(newer, "estimate");
        ObjectNode south = Samples.tree("01-complete-esketamine");
        ((ObjectNode) south.get("patient")).put("lastName", "Recentsouth");
        String southCase = api.post("/api/v1/cases", "south.billing", Samples.json(south)).json().get("id").asString();
        assertThat(api.post("/api/v1/cases/" + southCase + "/estimate", "south.billing", "").status()).isEqualTo(201);

        String recent = new FormClient(port).signIn("north.clinic", "demo-pass-2026").get("/documents").body();
        String rows = recent.substring(recent.indexOf("id=\"recent-documents\""));
        assertThat(rows).contains("Dana Recentnewer", "Dana Recentolder").doesNotContain("Recentsouth");
        assertThat(rows.indexOf("Dana Recentnewer")).isLessThan(rows.indexOf("Dana Recentolder"));
    }

    /**
     * Clinic staff find the right PDF fast: part of the patient's name, in any case, finds the
     * documents of each of the patient's cases, told apart by the case's reference; the kind narrows
     * them. The name is posted and kept for the session, never put in an address, and another
     * clinic's patient of the same name never appears.
     */
    @Test
    void recentDocumentsFindAPatientsCasesByPartOfTheNameAndByKindWithTheNameInNoAddress(
            @Autowired DocumentStore store) {
        String covered = createCase("01-complete-esketamine", "Twinpage");
        String selfPay = createCase("03-self-pay-ketamine", "Twinpage");
        save(store, covered, "north", DocumentKind.PACKET);
        save(store, selfPay, "north", DocumentKind.ESTIMATE);
        ObjectNode south = Samples.tree("03-self-pay-ketamine");
        ((ObjectNode) south.get("patient")).put("lastName", "Twinpage");
        String southCase = api.post("/api/v1/cases", "south.billing", Samples.json(south)).json().get("id").asString();
        save(store, southCase, "south", DocumentKind.ESTIMATE);
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");

        String found = searchDocuments(staff, "tWINpage", "");
        String rows = table(found);
        assertThat(count(rows, "<tr")).isEqualTo(1 + 2);
        assertThat(row(rows, "case " + ref(covered))).contains("Dana Twinpage", "Prior-authorization packet");
        assertThat(row(rows, "case " + ref(selfPay))).contains("Dana Twinpage", "Cost estimate");
        assertThat(rows).doesNotContain(ref(southCase));
        assertThat(found).contains("name=\"q\" value=\"tWINpage\"", "Documents 1 to 2 that match, newest first");

        String estimates = searchDocuments(staff, "twinpage", "ESTIMATE");
        assertThat(table(estimates)).contains(ref(selfPay)).doesNotContain(ref(covered), ref(southCase));
        assertThat(estimates).contains("value=\"ESTIMATE\" selected=\"selected\"", "name=\"q\" value=\"twinpage\"");

        String none = searchDocuments(staff, "Twinpage Nobody", "");
        assertThat(none).contains("No documents match.", "id=\"show-all\"").doesNotContain("id=\"recent-documents\"");
        HttpResponse<String> cleared = staff.post("/documents/search", "clear", "1");
        assertThat(URI.create(cleared.headers().firstValue("Location").orElseThrow()).getRawQuery()).isNull();
        assertThat(staff.get("/documents").body()).contains("name=\"q\" value=\"\"", "Documents 1 to ")
                .doesNotContain("that match", "No documents match.");
        assertThat(staff.get("/documents?q=Twinpage+Nobody").body()).as("a name in the address is not read")
                .doesNotContain("No documents match.", "that match");
    }

    /** Older documents are reached 50 at a time; the kind stays in the address, the name in the session. */
    @Test
    void recentDocumentsPageFiftyAtATimeWithNewerAndOlderLinks(@Autowired DocumentStore store) {
        String id = createCase("01-complete-esketamine", "Pagedocs");
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            saved.add(save(store, id, "north", DocumentKind.ESTIMATE));
        }
        FormClient staff = new FormClient(port).signIn("north.clinic", "demo-pass-2026");

        String everyName = staff.get("/documents").body();
        assertThat(count(table(everyName), "<tr")).isEqualTo(1 + 50);
        assertThat(everyName).contains("Documents 1 to 50, newest first", "rel=\"next\" href=\"/documents?page=2\"")
                .doesNotContain("rel=\"prev\"");

        String first = searchDocuments(staff, "pagedocs", "ESTIMATE");
        assertThat(count(table(first), "<tr")).isEqualTo(1 + 50);
        assertThat(table(first)).contains(saved.get(50)).doesNotContain(saved.get(0));
        assertThat(first).contains("rel=\"next\" href=\"/documents?kind=ESTIMATE&amp;page=2\">Older documents<");
        String second = staff.get("/documents?kind=ESTIMATE&page=2").body();
        assertThat(count(table(second), "<tr")).isEqualTo(1 + 1);
        assertThat(table(second)).contains(saved.get(0));
        assertThat(second).contains("Documents 51 to 51 that match, newest first",
                "rel=\"prev\" href=\"/documents?kind=ESTIMATE&amp;page=1\">Newer documents<").doesNotContain("rel=\"next\"");
        assertThat(staff.get("/documents?kind=ESTIMATE&page=3").body()).as("past the end: the last page")
                .contains("Documents 51 to 51 that match, newest first", saved.get(0));
    }

    /** Searches Recent documents as its form does, checks the address it leads to holds no name, and reads it. */
    private static String searchDocuments(FormClient session, String name, String kind) {
        session.get("/documents");
        HttpResponse<String> posted = session.post("/documents/search", "q", name, "kind", kind);
        assertThat(posted.statusCode()).isEqualTo(302);
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).doesNotContainIgnoringCase(name.split(" ")[0]);
        assertThat(location.getPath()).isEqualTo("/documents");
        assertThat(location.getRawQuery()).isEqualTo(kind.isEmpty() ? null : "kind=" + kind);
        return session.get(location.getRawPath() + (kind.isEmpty() ? "" : "?" + location.getRawQuery())).body();
    }

    /** A small stored document of the case, as generating one stores it (the list never reads its bytes). */
    private static String save(DocumentStore store, String caseId, String clinic, DocumentKind kind) {
        byte[] bytes = (caseId + kind).getBytes(StandardCharsets.UTF_8);
        return store.save(new NewDocument(UUID.fromString(caseId), clinic, kind,
                new RenderedPdf(bytes, 1, PdfRenderer.sha256(bytes), "test 1"), null, null, clinic + ".billing"))
                .id().toString();
    }

    private static String table(String page) {
        int at = page.indexOf("id=\"recent-documents\"");
        assertThat(at).as("the documents table").isNotNegative();
        return page.substring(at, page.indexOf("</table>", at));
    }

    /** The case's reference as Recent documents and the audit log show it. */
    private static String ref(String caseId) {
        return caseId.substring(0, 8);
    }

    private String createCase(String sample, String lastName) {
        ObjectNode tree = Samples.tree(sample);
        ((ObjectNode) tree.get("patient")).put("lastName", lastName);
        ApiClient.Response created = api.post("/api/v1/cases", "north.billing", Samples.json(tree));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Presses a generate button on the case page and returns the page it leads back to. */
    private String generate(String id, String what) {
        clerk.get("/cases/" + id);
        return followed(what.equals("estimate") ? clerk.post("/cases/" + id + "/estimate", "lang", "en")
                : clerk.post("/cases/" + id + "/packet"));
    }

    /** The page a form post redirected to. */
    private String followed(HttpResponse<String> done) {
        assertThat(done.statusCode()).isEqualTo(302);
        return clerk.get(URI.create(done.headers().firstValue("Location").orElseThrow()).getPath()).body();
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
