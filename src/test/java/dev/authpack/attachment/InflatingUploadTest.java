package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads whose pages unpack to far more than they weigh. Session 25's walk through OWASP ASVS 4.0.3 (V12.1.2,
 * compressed-content bombs): a 400 KB PDF whose one page unpacks to 400 MB of drawing instructions was
 * taken (201), and making the case's packet then ended the service: PDFBox unpacks a stream whole, in memory,
 * and on the production heap (512 MiB) the JVM stopped with "GC overhead limit exceeded" after 3.5 minutes.
 * Such an upload is now refused (400 on {@code file}) before anything unpacks it; real files are taken.
 */
@SharedServiceTest
class InflatingUploadTest {

    private static final int MiB = 1024 * 1024;
    private static final String BILLING = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @Test
    void a400KbUploadWhosePageUnpacksTo400MbIsRefusedAndNothingIsStored() throws IOException {
        byte[] pdf = pdfWithPages(deflated(400 * MiB));
        assertThat(pdf.length).isLessThan(MiB);

        Response refused = upload(pdf);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .startsWith("holds a part that unpacks to more than 32 MB");
        assertThat(jdbc.queryForObject("select count(*) from attachments where case_id = ?", Long.class,
                java.util.UUID.fromString(caseId))).isZero();
        assertThat(jdbc.queryForList("select outcome from audit_events where case_id = ? and action = "
                + "'ATTACHMENT_UPLOADED'", String.class, caseId)).containsExactly("REJECTED");
    }

    @Test
    void manyPagesEachUnderThePartLimitArePastTheWholeLimit() throws IOException {
        byte[] page = deflated(30 * MiB);
        byte[][] pages = new byte[9][];
        java.util.Arrays.fill(pages, page);

        Response refused = upload(pdfWithPages(pages));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .startsWith("unpacks to more than 256 MB of drawing instructions and fonts");
    }

    @Test
    void aPageOfSeveralMegabytesOfDrawingIsTakenAndItsPacketMade() throws IOException {
        Response taken = upload(pdfWithPages(deflated(6 * MiB), deflated(6 * MiB)));

        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("pages").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).status())
                .isEqualTo(201);
    }

    private Response upload(byte[] pdf) {
        Multipart m = Multipart.of("Chart notes", "notes.pdf", pdf);
        return api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType());
    }

    /** Marked, empty graphics states ({@code q Q}: draws nothing) repeated to {@code bytes}, deflated. */
    private static byte[] deflated(int bytes) throws IOException {
        byte[] unit = "/P <</MCID 0>> BDC q Q EMC\n".repeat(64).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int written = 0; written < bytes; written += unit.length) {
                out.write(unit);
            }
        }
        return packed.toByteArray();
    }

    /**
     * One letter page per deflated drawing, each written as it is (FlateDecode) into a form the page draws: the
     * page's own content is measured by its own setting (authpack.attachments.max-content-bytes), this check
     * is for every other part.
     */
    private static byte[] pdfWithPages(byte[]... drawings) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (byte[] drawing : drawings) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                COSStream form = doc.getDocument().createCOSStream();
                try (OutputStream raw = form.createRawOutputStream()) {
                    raw.write(drawing);
                }
                form.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                form.setItem(COSName.TYPE, COSName.XOBJECT);
                form.setItem(COSName.SUBTYPE, COSName.FORM);
                form.setItem(COSName.BBOX, PDRectangle.LETTER.getCOSArray());
                org.apache.pdfbox.cos.COSDictionary forms = new org.apache.pdfbox.cos.COSDictionary();
                forms.setItem(COSName.getPDFName("X"), form);
                org.apache.pdfbox.cos.COSDictionary resources = new org.apache.pdfbox.cos.COSDictionary();
                resources.setItem(COSName.XOBJECT, forms);
                page.getCOSObject().setItem(COSName.RESOURCES, resources);
                COSStream contents = doc.getDocument().createCOSStream();
                try (OutputStream raw = contents.createOutputStream()) {
                    raw.write("/X Do".getBytes(StandardCharsets.US_ASCII));
                }
                COSArray array = new COSArray();
                array.add(contents);
                page.getCOSObject().setItem(COSName.CONTENTS, array);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
