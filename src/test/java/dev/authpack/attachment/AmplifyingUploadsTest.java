package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Small uploads that ask for much work (the upload-bomb audit, tools/upload-bombs): page content that
 * inflates far past its file size, alone, listed many times, or spread over several uploads of one
 * case; forms nested and structure elements linked thousands deep. Each is refused naming its setting
 * or its problem, or taken, never a 500 or the end of the service. The content limits are set low here:
 * 1 MiB per upload, 2 MiB per packet.
 */
@SharedServiceTest(properties = {
        "authpack.attachments.max-content-bytes=" + AmplifyingUploadsTest.UPLOAD_CONTENT,
        "authpack.packets.max-content-bytes=" + AmplifyingUploadsTest.PACKET_CONTENT,
        // the deep structure tree below has 150,000 objects: it is the stack, not the count, under test
        "authpack.attachments.max-objects=1000000"})
class AmplifyingUploadsTest {

    static final String BILLING = "north.billing";
    static final int UPLOAD_CONTENT = 1 << 20;
    static final int PACKET_CONTENT = 2 << 20;
    /** Drawing operators, as a page's content has them. */
    static final String LINES = "1 0 0 RG 0 0 m 100 100 l S\n";

    @LocalServerPort
    int port;
    ApiClient api;
    String caseId;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        caseId = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();
    }

    @Test
    void anUploadWhosePageContentInflatesPastTheLimitIsRefusedNamingTheSetting() {
        // 64 KB that inflate to 64 MB: before, it was stored, and its packet decoded it whole in memory
        byte[] bomb = HostilePdfs.contentInflatingTo(64L << 20, LINES);
        assertThat(bomb.length).isLessThan(200_000);

        Response r = upload("Bomb", bomb);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.text()).contains("decode to more than 1.0 MB", "authpack.attachments.max-content-bytes");
        assertThat(api.get("/api/v1/cases/" + caseId + "/attachments", BILLING).json().size()).isZero();
    }

    @Test
    void onePageListedManyTimesCountsItsContentEachTime() {
        // 300 KB of content on one page object: taken alone, refused listed four times (as a merge decodes it)
        assertThat(upload("Once", HostilePdfs.pagesListingContent(1, 300_000, LINES)).status()).isEqualTo(201);

        Response r = upload("Four times", HostilePdfs.pagesListingContent(4, 300_000, LINES));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).contains("authpack.attachments.max-content-bytes");
    }

    @Test
    void uploadsEachUnderTheLimitThatTogetherPassThePacketsLimitAreRefusedAtThePacket() {
        for (int i = 0; i < 3; i++) {
            assertThat(upload("Notes " + i, HostilePdfs.contentInflatingTo(900_000, LINES)).status()).isEqualTo(201);
        }

        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Packet too large");
        assertThat(r.json().get("maxContentBytes").asLong()).isEqualTo(PACKET_CONTENT);
        assertThat(r.json().get("detail").asString()).contains("authpack.packets.max-content-bytes");
        assertThat(api.get("/api/v1/cases/" + caseId + "/documents", BILLING).json().size()).isZero();
    }

    @Test
    void uploadsWithinBothLimitsMakeAPacket() {
        assertThat(upload("Notes", HostilePdfs.contentInflatingTo(900_000, LINES)).status()).isEqualTo(201);
        assertThat(upload("More notes", HostilePdfs.contentInflatingTo(900_000, LINES)).status()).isEqualTo(201);

        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void aContentPredictorDeclaringRowsOfGigabytesIsRefusedBeforeAnyIsAllocated() {
        // before: taken, and its packet allocated the predictor's row and ended the service
        Response r = upload("Predictor", HostilePdfs.predictorWithHugeRows());

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).contains("authpack.attachments.max-content-bytes");
    }

    @Test
    void formsNestedTwentyThousandDeepAreTakenNotAServerError() {
        // before: the font check walked the forms by recursion and overflowed the request thread's stack
        Response r = upload("Nested forms", HostilePdfs.formChain(20_000));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void formsNestedTooDeeplyToMergeAreA422NamingTheAttachmentNotAServerError() {
        // taken at upload (nothing recurses there), but PDFBox copies a page's resources by recursion
        assertThat(upload("Nested forms", HostilePdfs.formChain(20_000)).status()).isEqualTo(201);

        Response r = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("attachment").asString()).isEqualTo("Nested forms");
        assertThat(r.json().get("detail").asString()).contains("nested too deeply");
    }

    @Test
    void aStructureTreeLinkedTooDeeplyToReadIsRefusedNotAServerError() {
        // 9.8 MB: PDFBox follows the links by recursion and overflowed the request thread's stack (a 500 and a
        // thousand-line stack trace); an outline of 200,000 items did the same
        Response r = upload("Deep tags", HostilePdfs.structureChain(150_000));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.text()).contains("linked too deeply");
    }

    private Response upload(String title, byte[] pdf) {
        Multipart m = Multipart.of(title, "notes.pdf", pdf);
        return api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, m.body(), m.contentType());
    }
}
