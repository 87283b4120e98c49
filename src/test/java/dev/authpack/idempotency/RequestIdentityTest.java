package dev.authpack.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockPart;

/**
 * When a request sent again with its Idempotency-Key is the same request (method, target, media type,
 * body, and an upload's parts whatever its boundary), and when a first request still unanswered counts as
 * interrupted. The servlet requests are Spring's test objects; the rules under test are plain code.
 */
class RequestIdentityTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theFingerprintIsSha256OfEachLengthPrefixedPartThenTheBodysDigest() {
        // computed independently (Python hashlib): 8-byte big-endian length, UTF-8 bytes, for method, target, type
        String longTarget = "/api/v1/cases?q=" + "x".repeat(300);
        assertThat(RequestFingerprint.of("POST", longTarget, "application/json", sha256("{\"a\":1}")))
                .isEqualTo("7224477634cc68bbe391622730ce1e23241d55009e7ab15f6a06af266732ae0e");
        assertThat(RequestFingerprint.of("POST", "/api/v1/cases", "application/json", sha256("")))
                .isEqualTo("25f7b3aed65aee4b6db583eb59620cdbd1c6242424347dac7f228afb00f3ca1a");
    }

    @ParameterizedTest(name = "{0} {1} {2} ''{3}'' differs")
    @CsvSource(delimiter = '|', textBlock = """
            PUT  | /api/v1/cases   | application/json | {}
            POST | /api/v1/cases/  | application/json | {}
            POST | /api/v1/cases   | application/yaml | {}
            POST | /api/v1/cases   | application/json | {"a":1}
            POST | /api/v1/case    | sapplication/json | {}
            """)
    void anyPartChangedIsAnotherRequest(String method, String target, String type, String body) {
        String first = RequestFingerprint.of("POST", "/api/v1/cases", "application/json", sha256("{}"));

        assertThat(RequestFingerprint.of(method, target, type, sha256(body))).isNotEqualTo(first);
    }

    @ParameterizedTest(name = "''{0}'' compares as ''{1}''")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null                                          | ''
            application/json                              | application/json
            Application/JSON; charset=UTF-8               | application/json;charset=utf-8
            multipart/form-data; boundary=AbC123          | multipart/form-data
            Multipart/Form-Data;boundary=xyz              | multipart/form-data
            text/plain; x=multipart/form-data             | text/plain;x=multipart/form-data
            """)
    void theMediaTypeIsComparedInLowerCaseWithoutSpacesOrAnUploadsBoundary(String header, String compared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");
        request.setContentType(header);

        assertThat(RequestFingerprint.mediaType(request)).isEqualTo(compared);
        assertThat(RequestFingerprint.isMultipart(request)).isEqualTo(compared.startsWith("multipart/"));
    }

    @Test
    void anUploadIsTheSameWhateverItsBoundaryAndAnotherWhenAnyPartDiffers() throws Exception {
        byte[] same = RequestFingerprint.partsDigest(upload("scan.pdf", "application/pdf", "%PDF-1.7 a"));

        assertThat(RequestFingerprint.partsDigest(upload("scan.pdf", "application/pdf", "%PDF-1.7 a"))).isEqualTo(same);
        assertThat(RequestFingerprint.partsDigest(upload("scan2.pdf", "application/pdf", "%PDF-1.7 a"))).isNotEqualTo(same);
        assertThat(RequestFingerprint.partsDigest(upload("scan.pdg", "application/pdf", "%PDF-1.7 a"))).isNotEqualTo(same);
        assertThat(RequestFingerprint.partsDigest(upload("scan.pdf", "application/pdg", "%PDF-1.7 a"))).isNotEqualTo(same);
        assertThat(RequestFingerprint.partsDigest(upload("scan.pdf", "application/octet-stream", "%PDF-1.7 a")))
                .isNotEqualTo(same);
        assertThat(RequestFingerprint.partsDigest(upload("scan.pdf", "application/pdf", "%PDF-1.7 b"))).isNotEqualTo(same);
        // the part's name and file name are length-prefixed: "scan.pd" + "f…" is not "scan.pdf" + "…"
        assertThat(RequestFingerprint.partsDigest(upload("scan.pd", "fapplication/pdf", "%PDF-1.7 a"))).isNotEqualTo(same);
    }

    /**
     * Each part's size is hashed before its bytes: one part whose bytes end with what the next part's
     * name, file name and type hash as is not the same upload as the two parts.
     */
    @Test
    void aPartsBytesCannotPassForTheNextPart() throws Exception {
        MockHttpServletRequest two = multipart();
        two.addPart(part("a", "x", "text/plain", "AB".getBytes(StandardCharsets.UTF_8)));
        two.addPart(part("b", "y", "text/plain", "CD".getBytes(StandardCharsets.UTF_8)));
        java.io.ByteArrayOutputStream glued = new java.io.ByteArrayOutputStream();
        glued.writeBytes("AB".getBytes(StandardCharsets.UTF_8));
        for (String s : new String[] {"b", "y", "text/plain"}) {
            glued.writeBytes(java.nio.ByteBuffer.allocate(8).putLong(s.length()).array());
            glued.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        glued.writeBytes("CD".getBytes(StandardCharsets.UTF_8));
        MockHttpServletRequest one = multipart();
        one.addPart(part("a", "x", "text/plain", glued.toByteArray()));

        assertThat(RequestFingerprint.partsDigest(one)).isNotEqualTo(RequestFingerprint.partsDigest(two));
    }

    @Test
    void aBodyReadHereAndABodyTheEndpointReadPartOfHashTheSame() throws IOException {
        byte[] body = ("{\"patient\":\"" + "ü".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest retry = new MockHttpServletRequest("POST", "/api/v1/cases");
        retry.setContent(body);
        MockHttpServletRequest first = new MockHttpServletRequest("POST", "/api/v1/cases");
        first.setContent(body);
        first.setCharacterEncoding("UTF-8");

        RequestFingerprint.Digesting digesting = new RequestFingerprint.Digesting(first);
        char[] start = new char[13];
        assertThat(digesting.getReader().read(start)).isEqualTo(13);
        assertThat(new String(start)).isEqualTo("{\"patient\":\"ü");
        assertThat(digesting.getReader()).isSameAs(digesting.getReader());
        assertThat(digesting.getInputStream()).isSameAs(digesting.getInputStream());

        assertThat(digesting.finish()).isEqualTo(RequestFingerprint.bodyDigest(retry)).isEqualTo(sha256(body));
    }

    @Test
    void anEndpointReadingTextWithoutADeclaredCharsetReadsUtf8() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");
        request.setContent("Zoë".getBytes(StandardCharsets.UTF_8));

        assertThat(new RequestFingerprint.Digesting(request).getReader().readLine()).isEqualTo("Zoë");
    }

    @ParameterizedTest(name = "{0} {1}, fingerprint {2}: same {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/v1/cases           | f1 | true
            PUT  | /api/v1/cases           | f1 | false
            POST | /api/v1/cases?x=1       | f1 | false
            POST | /api/v1/cases           | f2 | false
            """)
    void aRetryIsTheSameRequestWhenMethodTargetAndFingerprintMatch(String method, String target, String fingerprint,
                                                                   boolean same) {
        IdempotentRequest held = new IdempotentRequest("k1", "north.billing", "POST", "/api/v1/cases", NOW);
        held.answered("f1", new KeptAnswer(201, "application/json", null, new byte[0]));

        assertThat(held.sameRequest(method, target, fingerprint)).isEqualTo(same);
    }

    /** Beyond 2000 characters only the fingerprint, which covers the whole target, tells two targets apart. */
    @ParameterizedTest(name = "targets of {0} and {1} characters, the same first 2000: same {2}")
    @CsvSource({"2000, 2000, true", "2001, 2001, true", "2000, 2001, true", "2001, 2000, true", "2500, 2001, true",
            "1999, 2000, false", "2000, 1999, false"})
    void aTargetIsComparedAsItsColumnKeepsItItsFirst2000Characters(int heldLength, int retryLength, boolean same) {
        String query = "/api/v1/cases?q=" + "y".repeat(3000);
        IdempotentRequest held = new IdempotentRequest("k1", "north.billing", "GET", query.substring(0, heldLength), NOW);
        held.answered("f1", new KeptAnswer(200, "application/json", null, new byte[0]));

        assertThat(held.target()).hasSize(Math.min(heldLength, 2000));
        assertThat(held.sameRequest("GET", query.substring(0, retryLength), "f1")).isEqualTo(same);
    }

    @ParameterizedTest(name = "claimed {0} s ago, answered {1}: interrupted {2}")
    @CsvSource({"0, false, false", "899, false, false", "900, false, false", "901, false, true", "86000, false, true",
            "901, true, false"})
    void anUnansweredRequestIsInterruptedOnlyOnceFifteenMinutesHavePassed(long secondsAgo, boolean answered,
                                                                         boolean interrupted) {
        IdempotentRequests requests = new IdempotentRequests(null,
                new IdempotencyProperties(Duration.ofHours(24), Duration.ofMinutes(15)), Clock.fixed(NOW, ZoneOffset.UTC));
        IdempotentRequest held = new IdempotentRequest("k1", "north.billing", "POST", "/api/v1/cases",
                NOW.minusSeconds(secondsAgo));
        if (answered) {
            held.answered("f1", new KeptAnswer(201, "application/json", null, new byte[0]));
        }

        assertThat(held.inFlight()).isEqualTo(!answered);
        assertThat(requests.interrupted(held)).isEqualTo(interrupted);
    }

    @Test
    void aRowIsNewUntilItIsStoredOrLoaded() {
        IdempotentRequest held = new IdempotentRequest("k1", "north.billing", "POST", "/api/v1/cases", NOW);
        assertThat(held.isNew()).isTrue();
        held.markStored();
        assertThat(held.isNew()).isFalse();
        assertThat(held.getId()).isEqualTo("k1");
        assertThat(held.method()).isEqualTo("POST");
        assertThat(held.startedAt()).isEqualTo(NOW);
        KeptAnswer answer = new KeptAnswer(201, "application/json", "/api/v1/cases/c1", new byte[] {1});
        held.answered("f1", answer);
        assertThat(held.answer()).usingRecursiveComparison().isEqualTo(answer);
    }

    private static MockHttpServletRequest multipart() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/x/attachments");
        request.setContentType("multipart/form-data; boundary=b1");
        return request;
    }

    private static MockPart part(String name, String fileName, String type, byte[] content) {
        MockPart part = new MockPart(name, fileName, content);
        part.getHeaders().setContentType(org.springframework.http.MediaType.parseMediaType(type));
        return part;
    }

    private static MockHttpServletRequest upload(String fileName, String type, String content) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/x/attachments");
        request.setContentType("multipart/form-data; boundary=" + java.util.UUID.randomUUID());
        MockPart part = new MockPart("file", fileName, content.getBytes(StandardCharsets.UTF_8));
        part.getHeaders().setContentType(org.springframework.http.MediaType.parseMediaType(type));
        request.addPart(part);
        request.addPart(new MockPart("title", "Prior trial notes".getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    private static byte[] sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] b) {
        return RequestFingerprint.sha256().digest(b);
    }
}
