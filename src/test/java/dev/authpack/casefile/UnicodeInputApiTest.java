package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.text.Normalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text pasted from EHRs, e-mails and payer portals, followed from the API to the stored case and the
 * packet (audit s26, tools/unicode-audit): names and notes are kept in one Unicode form (NFC), and an
 * identifier a payer keys in is written in the plain characters it looks like or refused naming its field.
 */
@SharedServiceTest
class UnicodeInputApiTest {

    private static final String BILLING = "north.billing";
    /** "Ordóñez" with its accents as separate combining marks, as macOS and some EHRs paste it. */
    private static final String DECOMPOSED = Normalizer.normalize("Ordóñez", Normalizer.Form.NFD);

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aNamePastedDecomposedIsStoredAndPrintedComposed() throws Exception {
        assertThat(DECOMPOSED).isNotEqualTo("Ordóñez");
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("lastName", DECOMPOSED);
        ((ObjectNode) c.get("prescriber")).put("name", Normalizer.normalize("Renée Côté, MD", Normalizer.Form.NFD));

        JsonNode created = created(c);

        assertThat(created.get("patient").get("lastName").asString()).isEqualTo("Ordóñez");
        JsonNode read = api.get("/api/v1/cases/" + created.get("id").asString(), BILLING).json();
        assertThat(read.get("patient").get("lastName").asString()).isEqualTo("Ordóñez");
        assertThat(read.get("prescriber").get("name").asString()).isEqualTo("Renée Côté, MD");
        String packet = String.join("\n", PdfChecks.pageTexts(packet(created.get("id").asString())));
        assertThat(packet).contains("Patient: Dana Ordóñez").contains("Renée Côté, MD").doesNotContain(DECOMPOSED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fullwidth letters and digits | patient.memberId    | \uFF38\uFF2A\uFF28\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16 | XJH123456",
        "no-break space               | patient.groupNumber | GRP\u00A04410                                        | GRP 4410",
        "non-breaking hyphen          | prescriber.phone    | 555\u20110100                                       | 555-0100",
        "narrow no-break space, en dash | prescriber.fax    | (555)\u202F123\u20134567                             | (555) 123-4567",
        "fullwidth digits             | prescriber.phone    | \uFF15\uFF15\uFF15-\uFF10\uFF11\uFF10\uFF11       | 555-0101"})
    void anIdentifierPastedInCompatibilityFormsIsStoredAndPrintedPlain(String what, String path, String typed,
                                                                      String kept) throws Exception {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        String[] parts = path.split("\\.");
        ((ObjectNode) c.get(parts[0])).put(parts[1], typed);

        JsonNode created = created(c);

        assertThat(created.get(parts[0]).get(parts[1]).asString()).as(what).isEqualTo(kept);
        String packet = String.join("\n", PdfChecks.pageTexts(packet(created.get("id").asString())));
        assertThat(packet).as(what).contains(kept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zero-width space            | patient.memberId    | XJH123\u200B456",
        "right-to-left mark          | patient.memberId    | XJH123\u200F456",
        "Cyrillic A and O look-alikes | patient.memberId   | XJH\u0410\u041E123",
        "soft hyphen                 | patient.groupNumber | GRP\u00AD4410",
        "byte order mark             | patient.groupNumber | \uFEFFGRP-4410",
        "word joiner                 | prescriber.phone    | 555\u20600100",
        "accented letter             | prescriber.fax      | 555-01\u00D800"})
    void anIdentifierWithAnInvisibleOrLookAlikeCharacterIsRefusedNamingItsField(String what, String path, String typed) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        String[] parts = path.split("\\.");
        ((ObjectNode) c.get(parts[0])).put(parts[1], typed);

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(c));

        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).as(what).isEqualTo(path);
        assertThat(r.json().get("errors").get(0).get("message").asString()).as(what).contains("Latin letters, digits");
    }

    @Test
    void namesKeepEveryScriptAndTheMarksOfTheirSpelling() {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        // a Persian name with its zero-width non-joiner, a Devanagari conjunct with its joiner, Cyrillic
        ((ObjectNode) c.get("patient")).put("firstName", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")
                .put("lastName", "\u0915\u094D\u200D\u0937 \u0410\u043D\u043D\u0430");

        JsonNode created = created(c);

        assertThat(created.get("patient").get("firstName").asString()).isEqualTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
        assertThat(created.get("patient").get("lastName").asString()).isEqualTo("\u0915\u094D\u200D\u0937 \u0410\u043D\u043D\u0430");
    }

    /**
     * "Text fields ≤ 200 characters" counts characters: 𠮷 (U+20BB7, in some Japanese surnames) is one, though
     * Java and H2 count two UTF-16 units for it. The name reaches the case list's columns too.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "patient.firstName", "patient.lastName", "coverage.payerName", "facility.address", "medicationTrials[0].drug"})
    void aTextOf200CharactersOutsideTheBasicPlaneIsSavedAnd201Refused(String path) {
        String longest = "\uD842\uDFB7".repeat(200);
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("firstName", longest).put("lastName", longest);
        ((ObjectNode) c.get("coverage")).put("payerName", longest);
        ((ObjectNode) c.get("facility")).put("address", longest);
        ((ObjectNode) c.get("medicationTrials").get(0)).put("drug", longest);

        JsonNode created = created(c);
        ObjectNode tooLong = Samples.tree("01-complete-esketamine");
        String[] member = path.replace("[0]", "").split("\\.");
        JsonNode parent = tooLong.get(member[0]);
        ((ObjectNode) (parent.isArray() ? parent.get(0) : parent)).put(member[1], longest + "\uD842\uDFB7");
        Response refused = api.post("/api/v1/cases", BILLING, Samples.json(tooLong));

        assertThat(created.get("patient").get("lastName").asString()).isEqualTo(longest);
        JsonNode listed = api.get("/api/v1/cases", BILLING).json();
        assertThat(listed.findValuesAsString("patientName")).contains(longest + " " + longest);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "line separator       | Dana\u2028Reyes",
        "paragraph separator  | Dana\u2029Reyes",
        "noncharacter U+FDD0  | Reyes\uFDD0",
        "noncharacter U+1FFFE | Reyes\uD83F\uDFFE"})
    void aNameWithALineSeparatorOrANoncharacterIsRefusedNamingItsField(String what, String typed) {
        ObjectNode c = Samples.tree("01-complete-esketamine");
        ((ObjectNode) c.get("patient")).put("lastName", typed);

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(c));

        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).as(what).isEqualTo("patient.lastName");
    }

    @Test
    void anEventNoteAndAnAttachmentTitlePastedDecomposedAreStoredComposed() throws Exception {
        String id = created(Samples.tree("01-complete-esketamine")).get("id").asString();
        packet(id);
        Response submitted = api.post("/api/v1/cases/" + id + "/events", BILLING,
                "{\"type\":\"SUBMITTED\",\"date\":\"2026-11-20\",\"channel\":\"FAX\"}");
        assertThat(submitted.status()).isEqualTo(201);

        Response pended = api.post("/api/v1/cases/" + id + "/events", BILLING,
                "{\"type\":\"PENDED\",\"date\":\"2026-11-20\",\"note\":\"asked for " + DECOMPOSED + "'s chart\"}");
        Multipart upload = Multipart.of("Notes of " + DECOMPOSED, "notes.pdf", TestPdfs.notes(1, "unicode"));
        Response attached = api.post("/api/v1/cases/" + id + "/attachments", BILLING, upload.body(), upload.contentType());

        assertThat(pended.status()).isEqualTo(201);
        assertThat(pended.json().get("event").get("note").asString()).isEqualTo("asked for Ordóñez's chart");
        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.json().get("title").asString()).isEqualTo("Notes of Ordóñez");
    }

    /** The title's 200 characters are counted as stored: composed, and one for a character outside the basic plane. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "accents pasted decomposed | true",
        "outside the basic plane   | false"})
    void anAttachmentTitleOf200CharactersIsStoredAnd201Refused(String what, boolean decomposed) throws Exception {
        String id = created(Samples.tree("01-complete-esketamine")).get("id").asString();
        String one = decomposed ? Normalizer.normalize("é", Normalizer.Form.NFD) : "\uD842\uDFB7";
        String stored = decomposed ? "é".repeat(200) : one.repeat(200);

        Response fits = upload(id, one.repeat(200));
        Response tooLong = upload(id, one.repeat(201));

        assertThat(fits.status()).as(what + ": " + fits.text()).isEqualTo(201);
        assertThat(fits.json().get("title").asString()).isEqualTo(stored);
        assertThat(tooLong.status()).as(what).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
    }

    private Response upload(String caseId, String title) throws Exception {
        Multipart upload = Multipart.of(title, "notes.pdf", TestPdfs.notes(1, "title"));
        return api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, upload.body(), upload.contentType());
    }

    @Test
    void thePayersReferenceAndAuthorizationNumberAreWrittenPlainOrRefusedNamingTheirMember() {
        String id = created(Samples.tree("01-complete-esketamine")).get("id").asString();
        packet(id);

        Response submitted = api.post("/api/v1/cases/" + id + "/events", BILLING,
                "{\"type\":\"SUBMITTED\",\"date\":\"2026-11-20\",\"channel\":\"PORTAL\","
                        + "\"payerReference\":\"\uFF32\uFF25\uFF26\uFF0D\uFF11\uFF12\uFF13\"}");
        Response approved = api.post("/api/v1/cases/" + id + "/events", BILLING,
                "{\"type\":\"APPROVED\",\"date\":\"2026-11-21\",\"authorizationNumber\":\"AUTH\u200B7781\","
                        + "\"approvedFrom\":\"2026-11-21\",\"approvedTo\":\"2027-02-21\",\"approvedSessions\":8}");

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(submitted.json().get("event").get("payerReference").asString()).isEqualTo("REF-123");
        assertThat(approved.status()).isEqualTo(400);
        assertThat(approved.json().get("errors").get(0).get("field").asString()).isEqualTo("authorizationNumber");
    }

    private JsonNode created(ObjectNode c) {
        Response r = api.post("/api/v1/cases", BILLING, Samples.json(c));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private byte[] packet(String caseId) {
        Response packet = api.post("/api/v1/cases/" + caseId + "/packet", BILLING, new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        return api.get("/api/v1/documents/" + packet.json().get("id").asString(), BILLING).body();
    }
}
