package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The case endpoints over real HTTP against the embedded database (H2; PostgreSQL in the subclass). */
@SharedServiceTest
class CaseApiTest {

    static final String BILLING = "north.billing";
    static final String CLINIC = "north.clinic";
    static final String SOUTH = "south.billing";
    static final String ADMIN = "admin";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("01-complete-esketamine", true, Map.of("FAILED_TRIALS", "MET", "SEVERITY", "MET")),
                Arguments.of("02-one-failed-trial", false, Map.of("FAILED_TRIALS", "NOT_MET", "SEVERITY", "MET")),
                Arguments.of("03-self-pay-ketamine", true, Map.of()),
                Arguments.of("04-stale-severity", false, Map.of("SEVERITY", "NOT_MET", "FAILED_TRIALS", "MET")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void publicSamplesGiveTheirDocumentedCompleteness(String sample, boolean complete, Map<String, String> expected) {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text(sample));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/cases/" + created.json().get("id").asString());

        JsonNode report = api.get(created.location() + "/completeness", BILLING).json();

        assertThat(report.get("complete").asBoolean()).isEqualTo(complete);
        assertThat(report.get("missing").size()).isZero();
        assertThat(report.get("asOf").asString()).isEqualTo(Samples.tree(sample).get("request").get("startDate").asString());
        expected.forEach((id, status) -> assertThat(statusOf(report, id)).as(id).isEqualTo(status));
        if (sample.startsWith("03")) {
            assertThat(report.get("criteria").size()).isZero();
        }
    }

    /** The members the contract names in a criterion of the report; label and fixField are ours. */
    static final List<String> CRITERION_MEMBERS = List.of("id", "status", "detail", "evidence");

    @Test
    void everyCriterionCarriesEvidenceEvenWhenItWeighedNone() {
        String complete = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).location();
        String incomplete = api.post("/api/v1/cases", BILLING, Samples.text("02-one-failed-trial")).location();
        Response refused = api.post(incomplete + "/packet", BILLING, new byte[0], null);
        assertThat(refused.status()).isEqualTo(422);

        for (JsonNode report : List.of(api.get(complete + "/completeness", BILLING).json(),
                api.get(incomplete + "/completeness", BILLING).json(), refused.json().get("report"))) {
            assertThat(names(report)).containsExactlyInAnyOrder("complete", "policy", "asOf", "missing", "criteria");
            JsonNode age = null;
            for (JsonNode c : report.get("criteria")) {
                assertThat(names(c)).as(c.toString()).containsAll(CRITERION_MEMBERS)
                        .isSubsetOf("id", "label", "status", "detail", "evidence", "fixField");
                assertThat(c.get("evidence").isArray()).as(c.toString()).isTrue();
                if (c.get("id").asString().equals("AGE")) {
                    age = c;
                }
            }
            assertThat(age).as("AGE in " + report).isNotNull();
            assertThat(age.get("evidence").size()).as("AGE weighs no evidence lines").isZero();
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void draftsSaveIncompleteAndTheReportNamesWhatIsMissing() {
        Response created = api.post("/api/v1/cases", BILLING, """
                {"policyId": "esketamine-standard", "patient": {"firstName": "Dana", "lastName": ""}}
                """);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

        JsonNode report = api.get(created.location() + "/completeness", BILLING).json();

        List<String> missing = new ArrayList<>();
        report.get("missing").forEach(m -> missing.add(m.asString()));
        assertThat(missing).contains("patient.lastName", "patient.memberId", "prescriber.npi", "request.startDate",
                "request.lines").doesNotContain("patient.firstName");
        assertThat(report.get("complete").asBoolean()).isFalse();
    }

    @Test
    void badInputIsA400NamingEveryFieldAndSavesNothing() {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("patient")).put("lastName", "Refusedinput");
        ((ObjectNode) body.get("prescriber")).put("npi", "1587392015");
        ((ObjectNode) body.get("medicationTrials").get(1)).put("endDate", "2025-04-01");
        ((ObjectNode) body.get("assessments").get(0)).put("score", 28);

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(body));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("prescriber.npi", "medicationTrials[1].endDate",
                "assessments[0].score");
        assertThat(r.json().get("title").asString()).isNotBlank();
        assertThat(api.get("/api/v1/cases", BILLING).text()).as("the refused case is not stored")
                .doesNotContain("Refusedinput");
    }

    /**
     * The binder leaves a refused element (a null, a text where an object belongs) out of the bound list, and the
     * field rules then counted the kept elements: after {@code [null, {...}]} the second element's problem was
     * named at index 0, the null's place, so a client was sent to fix the wrong element. Every problem now
     * names the element by its place in the JSON sent.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"request\": {\"lines\": [null, {}]}} | request.lines[1].code",
        "{\"assessments\": [null, {\"instrument\": \"PHQ9\", \"score\": 99, \"date\": \"2026-01-05\"}]}"
            + " | assessments[1].score",
        "{\"medicationTrials\": [1, {\"drug\": \"x\", \"startDate\": \"2025-02-01\", \"endDate\": \"2025-01-01\"}]}"
            + " | medicationTrials[1].endDate",
        "{\"psychotherapy\": [null, null, {\"sessions\": 3}]} | psychotherapy[2].modality",
    })
    void aProblemAfterARefusedListElementIsNamedAtItsOwnPlace(String body, String field) {
        Response r = api.post("/api/v1/cases", BILLING, body);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
        assertThat(fields).allMatch(f -> !f.endsWith("[0]." + field.substring(field.indexOf("].") + 2)),
                "nothing is named at the refused element's place but the refusal itself");
    }

    @Test
    void aRejectedCoreMemberIsReportedOnce() {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("assessments").get(0)).put("score", 14.5);

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(body));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors")).hasSize(1);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("assessments[0].score");
    }

    /**
     * Every error names its field first, then says what is wrong, in every run of the service: the members came
     * from a {@code Map.of}, whose order changes from one JVM to the next, so a log or a diff of two answers
     * showed the same error two ways.
     */
    @Test
    void eachErrorNamesItsFieldBeforeItsMessage() {
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("assessments").get(0)).put("score", 14.5);

        Response r = api.post("/api/v1/cases", BILLING, Samples.json(body));

        assertThat(r.text()).contains("{\"field\":\"assessments[0].score\",\"message\":\"");
    }

    /** docs/security.md: a member written twice is refused, not read as its last value. */
    @Test
    void aMemberWrittenTwiceIsA400NamingItWhereItStands() {
        Response r = api.post("/api/v1/cases", BILLING, "{\"policyId\":\"esketamine-standard\","
                + "\"patient\":{\"lastName\":\"Reyes\",\"lastName\":\"Other\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("patient.lastName");
    }

    @Test
    void malformedBodiesAreClientErrorsNeverServerErrors() {
        assertThat(api.post("/api/v1/cases", BILLING, "{\"policyId\": ").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/cases", BILLING, "[1, 2]").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/cases", BILLING, new byte[] {'{', '"', 'a', (byte) 0xFE, '"', '}'},
                "application/json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/cases", BILLING, "<case/>".getBytes(), "application/xml").status())
                .isEqualTo(415);
        assertThat(api.post("/api/v1/cases", BILLING, "{}".getBytes(), null).status()).isEqualTo(415);
        byte[] big = ("{\"policyId\": \"" + "x".repeat(1_100_000) + "\"}").getBytes();
        Response tooBig = api.post("/api/v1/cases", BILLING, big, "application/json");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
    }

    /**
     * A request's Content-Type names what the body is; a wildcard names nothing. "Any type" and "any application
     * type" were read as JSON (Spring's "compatible" matches patterns both ways) and stored the case, though the
     * contract makes every type other than application/json or a +json type a 415.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*/*", "application/*"})
    void aWildcardContentTypeIsNotJsonAndIsA415(String type) {
        int cases = api.get("/api/v1/cases", BILLING).json().size();

        Response r = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine").getBytes(), type);

        assertThat(r.status()).as(r.text()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/cases", BILLING).json().size()).isEqualTo(cases);
    }

    /** The contract lists the JSON types it takes as "application/json, application/*+json": sent as written, it is JSON. */
    @Test
    void theContractsOwnPatternForJsonTypesIsTakenAsJson() {
        Response r = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine").getBytes(),
                "application/*+json");

        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /**
     * Valid JSON beyond the parser's limits (a number of 5,000 digits, lists nested 1,000 deep) was answered "the
     * body is not valid JSON (unreadable)" with an empty field: untrue, and naming nothing to fix (session 34's
     * bad-input review). It names the member now, and says which limit, like every other bad value.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a number of 5,000 digits   | coverage.deductibleRemaining | is a number with more than 1000 digits",
        "lists nested 1,000 deep    | patient                      | is nested more than 500 levels deep",
    })
    void validJsonBeyondTheParsersLimitsIsA400NamingTheMember(String what, String field, String message) {
        String body = what.startsWith("a number")
                ? "{\"coverage\": {\"deductibleRemaining\": 1" + "0".repeat(5_000) + "}}"
                : "{\"patient\": " + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        int cases = api.get("/api/v1/cases", BILLING).json().size();

        Response r = api.post("/api/v1/cases", BILLING, body);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).startsWith(message);
        assertThat(r.text()).doesNotContain("not valid JSON").doesNotContain("unreadable");
        assertThat(api.get("/api/v1/cases", BILLING).json().size()).isEqualTo(cases);
    }

    @Test
    void aMalformedQueryParameterIsNamedInTheProblem() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        Response r = api.post(created.location() + "/packet?exception=maybe", BILLING, new byte[0], null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("exception");
    }

    @Test
    void unknownAddressesAreProblemsToo() {
        Response r = api.get("/api/v1/no-such-thing", BILLING);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void staleVersionIsA409AndTheFirstWriteSurvives() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        long version = created.json().get("version").asLong();
        ObjectNode first = Samples.tree("01-complete-esketamine").put("version", version);
        ((ObjectNode) first.get("prescriber")).put("phone", "555-0111");
        ObjectNode second = Samples.tree("01-complete-esketamine").put("version", version);
        ((ObjectNode) second.get("prescriber")).put("phone", "555-0122");

        assertThat(api.put(created.location(), BILLING, Samples.json(first)).status()).isEqualTo(200);
        Response stale = api.put(created.location(), BILLING, Samples.json(second));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        JsonNode stored = api.get(created.location(), BILLING).json();
        assertThat(stored.get("prescriber").get("phone").asString()).isEqualTo("555-0111");
        assertThat(stored.get("version").asLong()).isNotEqualTo(version);
    }

    @Test
    void whatGetReturnsCanBeSentBackWithAChangeAndIsAccepted() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        ObjectNode read = (ObjectNode) api.get(created.location(), BILLING).json();
        ((ObjectNode) read.get("prescriber")).put("phone", "555-0199");

        Response put = api.put(created.location(), BILLING, Samples.json(read));

        assertThat(put.status()).as(new String(put.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode again = api.get(created.location(), BILLING).json();
        assertThat(again.get("prescriber").get("phone").asString()).isEqualTo("555-0199");
        assertThat(again.get("complete").asBoolean()).isTrue();
    }

    @Test
    void theAnswerToAWriteShowsTheTimestampsThatLaterReadsShow() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        JsonNode read = api.get(created.location(), BILLING).json();
        assertThat(created.json().get("createdAt")).isEqualTo(read.get("createdAt"));
        assertThat(created.json().get("updatedAt")).isEqualTo(read.get("updatedAt"));

        Response put = api.put(created.location(), BILLING, Samples.json(read));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("updatedAt")).isEqualTo(api.get(created.location(), BILLING).json().get("updatedAt"));
    }

    @Test
    void rejectedPutLeavesTheStoredCaseUnchanged() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        ObjectNode body = Samples.tree("01-complete-esketamine").put("version", created.json().get("version").asLong());
        ((ObjectNode) body.get("facility")).put("notAFieldOfTheFacility", "x");
        ((ObjectNode) body.get("prescriber")).put("npi", "1245319599");

        Response r = api.put(created.location(), BILLING, Samples.json(body));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("facility.notAFieldOfTheFacility");
        assertThat(api.get(created.location(), BILLING).json().get("prescriber").get("npi").asString())
                .isEqualTo("1234567893");
    }

    /**
     * JSON has one kind of number: a client that holds the version as a float sends 0.0, and the contract reads
     * "version must equal the stored one". It was a 400 "must be a whole number", though 8.0 sessions are 8.
     */
    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"0.0", "0e0", "0.00E+1"})
    void aVersionWrittenWithAZeroFractionOrAnExponentIsThatVersion(String version) {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        String body = Samples.json(Samples.tree("01-complete-esketamine").put("version", 424242))
                .replace("\"version\":424242", "\"version\":" + version);

        Response put = api.put(created.location(), BILLING, body);

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("version").asLong()).isEqualTo(1);
        Response stale = api.put(created.location(), BILLING, body);
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
    }

    /**
     * A whole number beyond any version (1e20, 2^63) was a 400 "must be a whole number", untrue of it, though the
     * same number as a count of sessions is "is far too large"; -1 was a 409 saying someone else had changed the
     * case. Each is named for what it is.
     */
    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"1e20", "9223372036854775808", "-1e20", "1e999999999", "-1"})
    void aWholeVersionBeyondAnyCaseIsNotCalledAFraction(String version) {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        String body = "{\"version\":" + version + "," + Samples.text("01-complete-esketamine").strip().substring(1);

        Response put = api.put(created.location(), BILLING, body);

        assertThat(put.status()).as(put.text()).isEqualTo(400);
        assertThat(put.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(put.json().get("errors").get(0).get("message").asString())
                .isEqualTo("is beyond any version: send the version you read with GET");
    }

    /** One entry per problem: a PUT without a usable version names the body's other bad members with it. */
    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"absent", "null", "\"7\"", "1.5"})
    void aPutWithoutAUsableVersionNamesTheVersionAndEveryOtherBadMember(String version) {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        ObjectNode body = Samples.tree("01-complete-esketamine");
        ((ObjectNode) body.get("patient")).put("sex", "F");
        ((ObjectNode) body.get("medicationTrials").get(1)).put("endDate", "2000-01-01");
        String sent = version.equals("absent") ? Samples.json(body)
                : "{\"version\":" + version + "," + Samples.json(body).substring(1);

        Response r = api.put(created.location(), BILLING, sent);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("medicationTrials[1].endDate", "patient.sex", "version");
        assertThat(api.get(created.location(), BILLING).json().get("version").asLong())
                .isEqualTo(created.json().get("version").asLong());
    }

    /** A body that is no case at all is named once, as that: not also as a case without a version. */
    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"[]", "42", "\"x\"", "null"})
    void aPutOfABodyThatIsNoObjectIsNamedAsThatAlone(String sent) {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));

        Response r = api.put(created.location(), BILLING, sent);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors")).as(r.text()).hasSize(1);
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("the case must be a JSON object");
    }

    @Test
    void anotherClinicsCaseDoesNotExistForItAndClinicUsersCannotWrite() {
        Response created = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        String id = created.json().get("id").asString();
        String put = Samples.json(Samples.tree("01-complete-esketamine").put("version", 0));

        assertThat(api.get("/api/v1/cases/" + id, SOUTH).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + id + "/completeness", SOUTH).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/cases/" + id, SOUTH, put).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases", SOUTH).text()).doesNotContain(id);
        assertThat(api.get("/api/v1/cases/" + id, CLINIC).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/cases/" + id, CLINIC, put).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/cases", CLINIC, Samples.text("01-complete-esketamine")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/cases", ADMIN, Samples.text("01-complete-esketamine")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cases", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/cases/not-a-uuid", BILLING).status()).isEqualTo(404);
    }

    static Stream<Arguments> addressesWithAMalformedId() {
        return Stream.of(Arguments.of("POST", "/api/v1/cases/not-a-uuid/packet", "case"),
                Arguments.of("POST", "/api/v1/cases/not-a-uuid/appeal-packet", "case"),
                Arguments.of("GET", "/api/v1/cases/not-a-uuid/documents", "case"),
                Arguments.of("GET", "/api/v1/cases/not-a-uuid/attachments", "case"),
                Arguments.of("GET", "/api/v1/documents/not-a-uuid", "document"),
                Arguments.of("GET", "/api/v1/cases/" + UUID.randomUUID() + "/attachments/not-a-uuid", "attachment"));
    }

    /** As GET /cases/not-a-uuid: a malformed id names nothing, so it is not found rather than the sender's 400. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("addressesWithAMalformedId")
    void aMalformedIdInTheAddressIsNotFoundNamingWhatWasSought(String method, String path, String what) {
        Response r = method.equals("GET") ? api.get(path, BILLING) : api.post(path, BILLING, new byte[0], null);

        assertThat(r.status()).as(r.text()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("No " + what + " with this id is available to you.");
    }

    @Test
    void caseListIsNewestFirstAndFiltersByStatus() {
        String older = api.post("/api/v1/cases", BILLING, Samples.text("02-one-failed-trial")).json().get("id").asString();
        String newer = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();

        JsonNode all = api.get("/api/v1/cases", BILLING).json();
        List<String> ids = new ArrayList<>();
        all.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        assertThat(all.get(0).get("patientName").asString()).isEqualTo("Dana Reyes");

        JsonNode drafts = api.get("/api/v1/cases?status=DRAFT", BILLING).json();
        drafts.forEach(c -> assertThat(c.get("status").asString()).isEqualTo("DRAFT"));
        assertThat(drafts.toString()).contains(older).doesNotContain(newer);
    }

    @Test
    void everyRowOfTheListNamesTheContractsMembersWithNullWhereABareDraftHasNone() {
        String bare = api.post("/api/v1/cases", BILLING, "{}").json().get("id").asString();
        String full = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine")).json().get("id").asString();

        JsonNode all = api.get("/api/v1/cases", BILLING).json();

        for (JsonNode row : all) {
            assertThat(names(row)).as(row.toString()).containsExactlyInAnyOrder("id", "patientName", "policyId",
                    "status", "complete", "updatedAt", "authorization");
            if (row.get("id").asString().equals(bare)) {
                assertThat(row.get("patientName").isNull()).isTrue();
                assertThat(row.get("policyId").isNull()).isTrue();
                assertThat(row.get("status").asString()).isEqualTo("DRAFT");
            }
            if (row.get("id").asString().equals(full)) {
                assertThat(row.get("patientName").asString()).isEqualTo("Dana Reyes");
                assertThat(row.get("policyId").asString()).isEqualTo("esketamine-standard");
            }
        }
        assertThat(all.findValuesAsString("id")).contains(bare, full);
        JsonNode stored = api.get("/api/v1/cases/" + bare, BILLING).json();
        assertThat(stored.has("policyId")).as("the case itself still leaves out what was not sent").isFalse();
        assertThat(stored.path("patient").has("firstName")).isFalse();
    }

    @Test
    void everyListedPolicyAndVersionNamesItsEffectiveDateNullWhenInForceWhateverTheDate() {
        List<String> members = List.of("id", "version", "effectiveFrom", "name", "source", "treatments", "indications");
        JsonNode policies = api.get("/api/v1/policies", BILLING).json();
        List<JsonNode> rows = new ArrayList<>();
        policies.forEach(rows::add);
        api.get("/api/v1/policies/esketamine-standard/versions", BILLING).json().forEach(rows::add);
        api.get("/api/v1/policies/texas-medicaid-spravato/versions", BILLING).json().forEach(rows::add);

        for (JsonNode p : rows) {
            assertThat(names(p)).as(p.toString()).containsExactlyInAnyOrderElementsOf(members);
        }
        for (JsonNode p : policies) {
            if (p.get("id").asString().equals("esketamine-standard")) {
                assertThat(p.get("effectiveFrom").isNull()).as(p.toString()).isTrue();
            }
            if (p.get("id").asString().equals("texas-medicaid-spravato")) {
                assertThat(p.get("effectiveFrom").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        }
    }

    @Test
    void policiesAreListedWithTheirVersions() {
        JsonNode policies = api.get("/api/v1/policies", BILLING).json();
        List<String> ids = new ArrayList<>();
        policies.forEach(p -> ids.add(p.get("id").asString()));
        assertThat(ids).contains("esketamine-standard", "esketamine-augmented", "ketamine-iv-strict", "self-pay");
        assertThat(policies.get(0).get("version").asString()).isNotBlank();
    }

    /** Each list parameter takes one value: two were joined with a comma and refused as "must be one of". */
    @Test
    void aListParameterGivenTwiceIsA400SayingSoNamingIt() {
        for (String query : new String[] {"status=DRAFT&status=READY", "authStatus=DENIED&authStatus=APPROVED",
                "limit=5&limit=6", "offset=0&offset=0"}) {
            String name = query.substring(0, query.indexOf('='));

            Response twice = api.get("/api/v1/cases?" + query, BILLING);

            assertThat(twice.status()).as(query).isEqualTo(400);
            assertThat(twice.contentType()).startsWith("application/problem+json");
            assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo(name);
            assertThat(twice.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("was sent 2 times: send " + name + " once");
        }
    }

    @Test
    void aLimitAnswersOnePageOfTheListWithTheTotalAndTheLinkToTheNextPage() {
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/cases", BILLING, Samples.text("03-self-pay-ketamine"));
        }
        Response whole = api.get("/api/v1/cases", BILLING);
        List<String> ids = new ArrayList<>();
        whole.json().forEach(c -> ids.add(c.get("id").asString()));
        int total = ids.size();

        Response first = api.get("/api/v1/cases?limit=2", BILLING);
        Response second = api.get("/api/v1/cases?limit=2&offset=2", BILLING);
        Response last = api.get("/api/v1/cases?offset=" + (total - 1) + "&limit=2", BILLING);

        assertThat(whole.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(whole.header("Link")).isNull();
        assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(idsOf(first)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(first.header("Link")).isEqualTo("</api/v1/cases?offset=2&limit=2>; rel=\"next\"");
        assertThat(idsOf(second)).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(idsOf(last)).containsExactly(ids.get(total - 1));
        assertThat(last.header("Link")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPages")
    void aBadLimitOrOffsetIsA400NamingIt(String query, String field) {
        Response r = api.get("/api/v1/cases?" + query, BILLING);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    static Stream<Arguments> badPages() {
        return Stream.of(Arguments.of("limit=0", "limit"), Arguments.of("limit=1001", "limit"),
                Arguments.of("limit=ten", "limit"), Arguments.of("limit=2&offset=-1", "offset"),
                Arguments.of("offset=1.5", "offset"));
    }

    private static List<String> idsOf(Response r) {
        List<String> ids = new ArrayList<>();
        r.json().forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    @Test
    void twoSendsOfOneCaseWithTheSameIdempotencyKeyAtOnceStoreOneCase() throws Exception {
        ApiClient keyed = api.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        int before = api.get("/api/v1/cases", BILLING).json().size();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sends = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sends.add(two.submit(() -> {
                    start.await();
                    return keyed.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : sends) {
                statuses.add(f.get(60, TimeUnit.SECONDS).status());
            }

            // one ran; the other was answered its result, or told it is still running
            assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
            assertThat(api.get("/api/v1/cases", BILLING).json().size()).isEqualTo(before + 1);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aCaseSentAgainWithItsIdempotencyKeyIsStoredOnceAndAnsweredTheSame() {
        ApiClient keyed = api.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        int before = api.get("/api/v1/cases", BILLING).json().size();

        Response first = keyed.post("/api/v1/cases", BILLING, Samples.text("03-self-pay-ketamine"));
        Response again = keyed.post("/api/v1/cases", BILLING, Samples.text("03-self-pay-ketamine"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(api.get("/api/v1/cases", BILLING).json().size()).isEqualTo(before + 1);
    }

    private static String statusOf(JsonNode report, String id) {
        for (JsonNode c : report.get("criteria")) {
            if (c.get("id").asString().equals(id)) {
                return c.get("status").asString();
            }
        }
        return null;
    }
}
