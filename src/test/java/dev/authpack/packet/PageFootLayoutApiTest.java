package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.PinnedClock;
import dev.authpack.support.PinnedClockServiceTest;
import dev.authpack.support.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Pages whose text ends at the foot of the page, found by the PDF layout audit (tools/pdf-layout). The two
 * sample cases are generated ones whose layout lands there: a checklist whose last row's text just fits,
 * and an appeal letter whose last line is within 12 points of the bottom margin. Each page of the fax must
 * carry something besides the running header and "Page X of Y".
 */
@PinnedClockServiceTest
class PageFootLayoutApiTest {

    private static final String BILLING = "north.billing";
    /** The stamped header ends within 45 pt of the top, the page number within 30 pt of the bottom. */
    private static final float HEADER = 45f;
    private static final float FOOTER = 30f;

    @LocalServerPort
    int port;
    @Autowired
    PinnedClock clock;
    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.today(LocalDate.of(2026, 12, 1));
        api = new ApiClient(port);
    }

    @Test
    void aChecklistWhoseLastRowEndsAtThePageFootLeavesNoPageWithOnlyItsRule() throws Exception {
        String caseId = sample("layout-checklist-ends-at-the-foot");

        Response packet = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        byte[] pdf = api.get("/api/v1/documents/" + packet.json().get("id").asString(), BILLING).body();
        assertThat(PdfChecks.pagesWithoutBodyText(pdf, HEADER, FOOTER)).isEmpty();
    }

    @Test
    void anAppealLetterEndingAtThePageFootIsNotFollowedByABlankPage() throws Exception {
        String caseId = sample("layout-appeal-letter-ends-at-the-foot");
        assertThat(api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null).status()).isEqualTo(201);
        for (JsonNode event : Samples.tree("layout-appeal-letter-ends-at-the-foot").get("events")) {
            Response r = api.post("/api/v1/cases/" + caseId + "/events", BILLING, event.toString());
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }

        Response appeal = api.post("/api/v1/cases/" + caseId + "/appeal-packet", BILLING, new byte[0], null);

        assertThat(appeal.status()).as(appeal.text()).isEqualTo(201);
        byte[] pdf = api.get("/api/v1/documents/" + appeal.json().get("id").asString(), BILLING).body();
        assertThat(PdfChecks.pagesWithoutBodyText(pdf, HEADER, FOOTER)).isEmpty();
    }

    /** Creates the sample's case and uploads its clinical notes under the sample's titles. */
    private String sample(String name) {
        JsonNode sample = Samples.tree(name);
        Response created = api.post("/api/v1/cases", BILLING, sample.get("case").toString());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String caseId = created.json().get("id").asString();
        for (JsonNode title : sample.get("attachments")) {
            String boundary = "----layout-test";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                    + title.asString() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"notes.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(TestPdfs.notes(1, "NOTES"));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            Response uploaded = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, body.toByteArray(),
                    "multipart/form-data; boundary=" + boundary);
            assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        }
        return caseId;
    }
}
