package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/** User text that looks like markup is shown as text wherever it is rendered: pages and PDFs. */
@SharedServiceTest
class HostileTextRenderingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @LocalServerPort
    int port;
    ApiClient api;
    String caseId;

    @BeforeEach
    void hostileCase() {
        api = new ApiClient(port);
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("patient")).put("lastName", SCRIPT);
        ((ObjectNode) body.get("prescriber")).put("name", "<img src=x onerror=alert(2)>");
        ApiClient.Response created = api.post("/api/v1/cases", "north.billing", Samples.json(body));
        assertThat(created.status()).isEqualTo(201);
        caseId = created.json().get("id").asString();
    }

    @Test
    void aMarkupNameIsShownAsTextOnEveryPageThatShowsIt() {
        uploadAttachmentTitled("<script>alert(3)</script>");
        api.post("/api/v1/cases/" + caseId + "/packet", "north.billing", new byte[0], null);
        FormClient browser = new FormClient(port).signIn("north.billing", "demo-pass-2026");

        assertThat(browser.get("/cases/" + caseId).body()).doesNotContain("<script>alert(3)")
                .contains("&lt;script&gt;alert(3)&lt;/script&gt;");
        for (String path : new String[] {"/cases", "/cases/" + caseId, "/cases/" + caseId + "/edit", "/documents"}) {
            String html = browser.get(path).body();
            assertThat(html).as(path).doesNotContain(SCRIPT).doesNotContain("<img src=x");
            assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    private void uploadAttachmentTitled(String title) {
        String boundary = "hostile-boundary";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Fixtures.onePagePdf());
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ApiClient.Response r = api.post("/api/v1/cases/" + caseId + "/attachments", "north.billing", out.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void aMarkupNameIsPrintedAsTextInThePacketAndThePdfHasNoScript() throws IOException {
        ApiClient.Response packet = api.post("/api/v1/cases/" + caseId + "/packet", "north.billing", new byte[0], null);
        assertThat(packet.status()).isEqualTo(201);
        byte[] pdf = api.get("/api/v1/documents/" + packet.json().get("id").asString(), "north.billing").body();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(SCRIPT).contains("<img src=x onerror=alert(2)>");
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
        }
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript", "/JS ");
    }
}
