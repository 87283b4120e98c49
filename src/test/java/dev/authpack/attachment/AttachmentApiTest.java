package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Uploads over real HTTP: good PDFs are stored cleaned and merged; every kind of bad file is a 400. */
@SharedServiceTest
class AttachmentApiTest {

    static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    AttachmentStore store;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    Response upload(String user, String title, byte[] content) {
        Multipart m = Multipart.of(title, "notes.pdf", content);
        return api.post("/api/v1/cases/" + caseId + "/attachments", user, m.body(), m.contentType());
    }

    @Test
    void uploadedPdfIsCountedAndAddsExactlyItsPagesToThePacket() {
        int before = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).json().get("pages").asInt();
        Response r = upload(BILLING, "Progress notes 2026-11", TestPdfs.notes(3, "MARK"));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.get("title").asString()).isEqualTo("Progress notes 2026-11");
        assertThat(a.get("pages").asInt()).isEqualTo(3);
        assertThat(a.get("sha256").asString()).hasSize(64);
        assertThat(a.get("id").asString()).isNotBlank();

        int after = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).json().get("pages").asInt();
        assertThat(after).isEqualTo(before + 3);
    }

    @Test
    void aTitleSentAsAFileIsA400NamingTheTitleAndStoresNothing() {
        Multipart m = Multipart.titleAsFile(TestPdfs.notes(1, "MARK"));

        Response r = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(r.json().get("detail").asString()).isEqualTo("title: must be text, not a file")
                .doesNotContain("Multipart");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    @Test
    void twoFilesInOneUploadAreA400NamingTheFileAndStoreNeither() {
        Multipart m = Multipart.twoFiles(TestPdfs.notes(1, "FIRST"), TestPdfs.notes(2, "SECOND"), "Notes");

        Response r = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.json().get("detail").asString()).contains("was sent 2 times", "one PDF per request");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    @Test
    void twoTitlesForOneFileAreA400NamingTheTitleInsteadOfJoiningThem() {
        Multipart m = Multipart.twoFiles(TestPdfs.notes(1, "ONLY"), null, "Notes", "Labs");

        Response r = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    @Test
    void aTitleInTheAddressIsA400NamingTheTitleSoNoPatientNameIsKeptInLogs() {
        Multipart m = Multipart.twoFiles(TestPdfs.notes(1, "ONLY"), null);

        Response r = api.post("/api/v1/cases/" + caseId + "/attachments?title=Notes%20for%20Dana%20Levi", BILLING,
                m.body(), m.contentType());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(r.json().get("detail").asString()).contains("form part, not in the address");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    @Test
    void jsonSentToTheUploadIsA415ThatSaysToSendMultipart() {
        Response r = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, "{}");

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("detail").asString()).contains("multipart/form-data", "'file'");
    }

    static Stream<Arguments> untypeableTitles() {
        return Stream.of(Arguments.of("a NUL", "Notes\u0000 from May"), Arguments.of("a terminal escape", "Notes \u001b[31mred"),
                Arguments.of("a line break", "a\r\nX-Injected: 1"), Arguments.of("a right-to-left override", "red\u202Etxt.exe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untypeableTitles")
    void aTitleWithCharactersNoOneTypesIsRefused(String what, String title) {
        Response r = upload(BILLING, title, TestPdfs.notes(1, "MARK"));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("a text file named .pdf", BadPdfs.textNamedPdf()),
                Arguments.of("a truncated PDF", BadPdfs.truncated()),
                Arguments.of("an empty file", new byte[0]),
                Arguments.of("a password-protected PDF", BadPdfs.encrypted("user-pass")),
                Arguments.of("an encrypted PDF without a user password", BadPdfs.encrypted("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void unreadableUploadIsA400ProblemNamingTheFile(String what, byte[] content) {
        Response r = upload(BILLING, "Notes", content);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    @Test
    void packetWithUploadsInUnembeddedStandardFontsIsPdfA2bWithEveryFontEmbedded() throws Exception {
        assertThat(upload(BILLING, "Progress notes", TestPdfs.notes(2, "FONTS", 6)).status()).isEqualTo(201);
        assertThat(upload(BILLING, "Hand-written note", BadPdfs.handWritten()).status()).isEqualTo(201);
        Response packet = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);

        byte[] pdf = api.get("/api/v1/documents/" + packet.json().get("id").asString(), BILLING).body();

        assertThat(StandardFontEmbedderTest.fonts(pdf)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        assertThat(String.join(" ", dev.authpack.rendering.PdfChecks.pageTexts(pdf))).contains("FONTS-1", "FONTS-2");
        assertThat(dev.authpack.rendering.PdfChecks.veraPdfFailures(pdf, "2b")).isEmpty();
    }

    @Test
    void handWrittenPdfIsAccepted() {
        assertThat(upload(BILLING, "Note", BadPdfs.handWritten()).status()).isEqualTo(201);
    }

    @Test
    void scriptsActionsAndEmbeddedFilesAreRemovedBeforeStoring() throws Exception {
        byte[] scripted = BadPdfs.withScripts();
        try (PDDocument original = Loader.loadPDF(scripted)) {
            assertThat(original.getDocumentCatalog().getOpenAction()).isNotNull();
        }
        Response r = upload(BILLING, "Scripted", scripted);
        assertThat(r.status()).as(r.text()).isEqualTo(201);

        byte[] stored = store.content(UUID.fromString(r.json().get("id").asString())).orElseThrow();
        assertThat(PdfRenderer.sha256(stored)).isEqualTo(r.json().get("sha256").asString());
        try (PDDocument doc = Loader.loadPDF(stored)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
            assertThat(doc.getDocumentCatalog().getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.AA)).isFalse();
        }
        Response packet = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).isEqualTo(201);
    }

    @Test
    void otherClinicsAndReadOnlyUsersCannotUpload() {
        assertThat(upload("north.clinic", "Notes", TestPdfs.notes(1, "X")).status()).isEqualTo(403);
        assertThat(upload("south.billing", "Notes", TestPdfs.notes(1, "X")).status()).isEqualTo(404);
    }
}
