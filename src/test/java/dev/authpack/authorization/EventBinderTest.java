package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.TypedText;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract's event table as input rules: each bad or missing member is a 400 naming it. */
class EventBinderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final LocalDate PREVIOUS = LocalDate.of(2026, 11, 10);

    /** JSON written with single quotes so the table stays readable. */
    private static JsonNode json(String singleQuoted) {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    private static EventBinder.Result bind(String singleQuoted) {
        return EventBinder.bind(json(singleQuoted), TODAY, PREVIOUS);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                          | type",
            "{'type': 'LOST', 'date': '2026-11-20'}                      | type",
            "{'type': 3, 'date': '2026-11-20'}                           | type",
            "{'type': ' ', 'date': '2026-11-20'}                         | type",
            "{'type': 'PENDED'}                                          | date",
            "{'type': 'PENDED', 'date': null}                            | date",
            "{'type': 'PENDED', 'date': '  '}                            | date",
            "{'type': 'PENDED', 'date': '2026-11-21'}                    | date",
            "{'type': 'PENDED', 'date': '2026-11-09'}                    | date",
            "{'type': 'PENDED', 'date': '20-11-2026'}                    | date",
            "{'type': 'PENDED', 'date': 20261120}                        | date",
            "{'type': 'PENDED', 'date': '2026-11-20', 'channel': 'FAX'}  | channel",
            "{'type': 'PENDED', 'date': '2026-11-20', 'note': 7}         | note",
            "{'type': 'SUBMITTED', 'date': '2026-11-20'}                 | channel",
            "{'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'EMAIL'}   | channel",
            "{'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 1}         | channel",
            "{'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'FAX', 'reason': 'x'} | reason",
            "{'type': 'DENIED', 'date': '2026-11-20'}                    | reason",
            "{'type': 'DENIED', 'date': '2026-11-20', 'reason': ''}      | reason",
            "{'type': 'DENIED', 'date': '2026-11-20', 'reason': ['no']}  | reason",
            "{'type': 'APPEALED', 'date': '2026-11-20', 'reason': 'x'}   | reason",
            "{'type': 'WITHDRAWN', 'date': '2026-11-20', 'codes': []}    | codes",
            "{'type': 'APPROVED', 'date': '2026-11-20'}                  | approvedFrom approvedSessions approvedTo authorizationNumber",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2026-11-30', 'approvedSessions': 8} | approvedTo",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': 'soon', 'approvedTo': '2026-11-30', 'approvedSessions': 8} | approvedFrom",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 0} | approvedSessions",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 201} | approvedSessions",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 8.5} | approvedSessions",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': '8'} | approvedSessions",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 4294967304} | approvedSessions",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 5, 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 8} | authorizationNumber",
            "{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': 'G2083'}             | codes",
            "{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': [null]}              | codes[0]",
            "{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': ['G2083', 96365]}    | codes[1]",
            "{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': ['G2083', 'no code']} | codes[1]",
            "{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': ['-G2083']}          | codes[0]",
            "{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': ['A12345678901234567890']} | codes[0]",
            "{'type': 'PENDED', 'date': '2026-11-21', 'channel': 'FAX', 'note': 1}         | channel date note"})
    void namesEveryBadOrMissingMember(String body, String fields) {
        EventBinder.Result r = bind(body);

        assertThat(r.event()).isNull();
        assertThat(r.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(fields.split(" "));
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneProblem() {
        assertThat(EventBinder.bind(json("['SUBMITTED']"), TODAY, PREVIOUS).problems())
                .containsExactly(new FieldProblem("", "the event must be a JSON object"));
        assertThat(EventBinder.bind(null, TODAY, PREVIOUS).problems()).extracting(FieldProblem::field)
                .containsExactly("");
    }

    @Test
    void aMissingTypeNamesTheTypesThereAre() {
        assertThat(bind("{'date': '2026-11-20'}").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("required", "SUBMITTED", "SESSION_GIVEN"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{'type': 'APPROVED'}                      | date    | is required for an APPROVED event",
            "{'type': 'APPEALED'}                      | date    | is required for an APPEALED event",
            "{'type': 'SESSION_GIVEN'}                 | date    | is required for a SESSION_GIVEN event",
            "{'type': 'DENIED', 'date': '2026-11-20'}  | reason  | is required for a DENIED event",
            "{'type': 'APPEALED', 'date': '2026-11-20', 'reason': 'x'} | reason | is not a member of an APPEALED event",
            "{'type': 'PENDED', 'date': '2026-11-20', 'codes': []}     | codes  | is not a member of a PENDED event"})
    void aProblemSaidOfTheTypeTakesTheArticleItsNameNeeds(String body, String field, String message) {
        assertThat(bind(body).problems()).contains(new FieldProblem(field, message));
    }

    /** Dates the database and FHIR cannot hold came back from storage changed and blocked every later event. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{'type': 'SUBMITTED', 'date': '-999999999-01-01', 'channel': 'FAX'} | date",
            "{'type': 'SUBMITTED', 'date': '0000-01-01', 'channel': 'FAX'}       | date",
            "{'type': 'SUBMITTED', 'date': '0202-11-01', 'channel': 'FAX'}       | date",
            "{'type': 'SUBMITTED', 'date': '1899-12-31', 'channel': 'FAX'}       | date",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '+999999999-12-31', 'approvedSessions': 8} | approvedTo",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '-0001-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 8} | approvedFrom",
            "{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '3000-01-01', 'approvedSessions': 8} | approvedTo"})
    void aDateOutsideTheYears1900To2999IsRefusedNamingTheRange(String body, String field) {
        EventBinder.Result r = EventBinder.bind(json(body), TODAY, null);

        assertThat(r.event()).isNull();
        assertThat(r.problems()).containsExactly(new FieldProblem(field, "must be a date between 1900-01-01 and 2999-12-31"));
    }

    @Test
    void theLastDayOfTheRangeIsTaken() {
        EventBinder.Result r = EventBinder.bind(json("{'type': 'APPROVED', 'date': '1900-01-01', 'authorizationNumber': "
                + "'A-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2999-12-31', 'approvedSessions': 8}"), TODAY, null);

        assertThat(r.problems()).isEmpty();
    }

    @Test
    void theProblemSaysWhyTheDateIsRefused() {
        assertThat(bind("{'type': 'PENDED', 'date': '2026-11-21'}").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("future"));
        assertThat(bind("{'type': 'PENDED', 'date': '2026-11-09'}").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("previous event", "2026-11-10"));
    }

    @Test
    void aSubmissionTodayReadsItsChannelWhateverTheCaseAndItsReferenceStripped() {
        EventBinder.Result r = bind("{'type': 'submitted', 'date': ' 2026-11-20 ', 'channel': ' portal ',"
                + " 'payerReference': '  REF-77 '}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.event()).isEqualTo(new EventData(EventType.SUBMITTED, TODAY, Channel.PORTAL, "REF-77", null, null,
                null, null, null, null, List.of()));
    }

    @Test
    void anApprovalMayStartAndEndInTheFutureAndCoverOneDay() {
        EventBinder.Result r = bind("{'type': 'APPROVED', 'date': '2026-11-10', 'authorizationNumber': 'A-1',"
                + " 'approvedFrom': '2026-12-01', 'approvedTo': '2026-12-01', 'approvedSessions': 1, 'note': 'ok'}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.event()).isEqualTo(new EventData(EventType.APPROVED, PREVIOUS, null, null, "ok", "A-1",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), 1, null, List.of()));
    }

    @Test
    void anApprovalMayGrantUpToTwoHundredSessions() {
        EventBinder.Result r = bind("{'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-1',"
                + " 'approvedFrom': '2026-11-01', 'approvedTo': '2027-10-31', 'approvedSessions': 200}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.event().approvedSessions()).isEqualTo(200);
    }

    /** As the API's body reader reads numbers (JsonBodyReader): exact decimals, never doubles. */
    private static final JsonMapper DECIMALS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static String approval(String approvedSessions) {
        return "{\"type\": \"APPROVED\", \"date\": \"2026-11-20\", \"authorizationNumber\": \"A-1\", \"approvedFrom\":"
                + " \"2026-11-01\", \"approvedTo\": \"2027-10-31\", \"approvedSessions\": " + approvedSessions + "}";
    }

    @ParameterizedTest(name = "approvedSessions {0} → {1}")
    @CsvSource({"8.0, 8", "8e0, 8", "80e-1, 8", "2.00E2, 200", "1.000, 1"})
    void anApprovalTakesAWholeSessionCountWrittenWithADecimalPointOrExponent(String written, int sessions) {
        String body = approval(written);
        for (JsonMapper mapper : List.of(JSON, DECIMALS)) {
            EventBinder.Result r = EventBinder.bind(mapper.readTree(body), TODAY, PREVIOUS);

            assertThat(r.problems()).isEmpty();
            assertThat(r.event().approvedSessions()).isEqualTo(sessions);
        }
    }

    @ParameterizedTest(name = "approvedSessions {0}")
    @CsvSource({"8.5", "200.5", "201.0", "0.0", "-8.0", "1e999999999", "1e-999999999", "4294967304.0"})
    void anApprovalRefusesASessionCountThatIsNotWholeOrOutOfRange(String written) {
        String body = approval(written);
        for (JsonMapper mapper : List.of(JSON, DECIMALS)) {
            EventBinder.Result r = EventBinder.bind(mapper.readTree(body), TODAY, PREVIOUS);

            assertThat(r.event()).isNull();
            assertThat(r.problems())
                    .containsExactly(new FieldProblem("approvedSessions", "must be a whole number from 1 to 200"));
        }
    }

    @Test
    void aDenialKeepsItsReason() {
        EventBinder.Result r = bind("{'type': 'DENIED', 'date': '2026-11-20', 'reason': ' Not medically necessary '}");

        assertThat(r.event().reason()).isEqualTo("Not medically necessary");
    }

    /**
     * The note and the denial reason, pasted from a payer's letter or an X12 278 or typed over several lines in
     * the case page's box: each line break, with the spaces around it, becomes one space.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "LF         | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Step therapy not met.\\nSee policy 3.2'}",
            "CR         | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Step therapy not met.\\rSee policy 3.2'}",
            "CRLF       | {'type': 'DENIED', 'date': '2026-11-20', 'reason': ' Step therapy not met.\\r\\nSee policy 3.2\\r\\n'}",
            "blank line | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Step therapy not met.  \\r\\n \\r\\n\\t See policy 3.2'}",
            "U+2028     | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Step therapy not met.\\u2028See policy 3.2'}"})
    void theLinesOfADenialReasonAreJoinedWithOneSpace(String breaks, String body) {
        EventBinder.Result r = bind(body);

        assertThat(r.problems()).isEmpty();
        assertThat(r.event().reason()).isEqualTo("Step therapy not met. See policy 3.2");
    }

    @Test
    void theLinesOfANoteAreJoinedWithOneSpace() {
        assertThat(bind("{'type': 'PENDED', 'date': '2026-11-20', 'note': 'Needs notes\\n\\nby Friday'}").event().note())
                .isEqualTo("Needs notes by Friday");
    }

    @Test
    void sessionCodesAreReadAsBillingCodesInCapitals() {
        assertThat(bind("{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': ['g2083', ' 99213 ', 'J0013.1-X']}")
                .event().codes()).containsExactly("G2083", "99213", "J0013.1-X");
        assertThat(bind("{'type': 'SESSION_GIVEN', 'date': '2026-11-20'}").event().codes()).isEmpty();
        assertThat(bind("{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': null}").event().codes()).isEmpty();
    }

    @Test
    void atMostTwentyCodesPerSession() {
        String twenty = "'G2083', ".repeat(19) + "'G2083'";

        assertThat(bind("{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': [" + twenty + "]}").problems())
                .isEmpty();
        assertThat(bind("{'type': 'SESSION_GIVEN', 'date': '2026-11-20', 'codes': [" + twenty + ", 'G2083']}")
                .problems()).extracting(FieldProblem::field).containsExactly("codes");
    }

    @Test
    void referencesMayRunTwoHundredCharactersAndFreeTextTwoThousand() {
        String ref = "R".repeat(200);
        String note = "n".repeat(2000);

        EventBinder.Result fits = bind("{'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'FAX', 'payerReference': '"
                + ref + "', 'note': '" + note + "'}");
        EventBinder.Result over = bind("{'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'FAX', 'payerReference': '"
                + ref + "R', 'note': '" + note + "n'}");

        assertThat(fits.problems()).isEmpty();
        assertThat(fits.event().payerReference()).isEqualTo(ref);
        assertThat(fits.event().note()).isEqualTo(note);
        assertThat(over.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("payerReference", "note");
    }

    /**
     * The case's rule for typed text ({@link TypedText}) on every text member: control characters, a
     * line break in an identifier, U+FFFF, a lone surrogate half and the bidirectional embeddings, overrides and
     * isolates are refused, naming the member. JSON escapes, so the table shows what is sent.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "payerReference      | {'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'FAX', 'payerReference': 'REF\\u0000\\u001b[31m'}",
            "payerReference      | {'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'FAX', 'payerReference': 'REF-\\u202Efdp.exe'}",
            "note                | {'type': 'PENDED', 'date': '2026-11-20', 'note': 'call back\\u0007'}",
            "note                | {'type': 'APPEALED', 'date': '2026-11-20', 'note': 'sent \\u2066isolated\\u2069'}",
            "reason              | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Not covered\\uFFFF'}",
            "reason              | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Step therapy\\u0007\\nnot met'}",
            "payerReference      | {'type': 'SUBMITTED', 'date': '2026-11-20', 'channel': 'FAX', 'payerReference': 'REF\\n1'}",
            "reason              | {'type': 'DENIED', 'date': '2026-11-20', 'reason': 'Not \\u202Amedically\\u202C necessary'}",
            "authorizationNumber | {'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-\\ud800', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 8}",
            "authorizationNumber | {'type': 'APPROVED', 'date': '2026-11-20', 'authorizationNumber': 'A-\\udc00-1', 'approvedFrom': '2026-12-01', 'approvedTo': '2027-05-31', 'approvedSessions': 8}"})
    void textNobodyCouldTypeIsRefusedNamingTheMember(String member, String body) {
        EventBinder.Result r = bind(body);

        assertThat(r.event()).isNull();
        assertThat(r.problems()).containsExactly(new FieldProblem(member, TypedText.PROBLEM));
    }

    /** What a keyboard or a paste from a letter gives is kept: accents, other scripts, emoji (a surrogate pair), RLM. */
    @Test
    void typedTextInAnyScriptIsKept() {
        String reason = "Zo\u00eb \u00d1\u00fa\u00f1ez: \u674e \ud83d\ude00 \u05e9\u05dc\u05d5\u05dd\u200f ok";

        EventBinder.Result r = bind("{'type': 'DENIED', 'date': '2026-11-20', 'reason': '" + reason + "'}");

        assertThat(r.problems()).isEmpty();
        assertThat(r.event().reason()).isEqualTo(reason);
    }

    @Test
    void withoutAPreviousEventAnyPastDateWillDo() {
        assertThat(EventBinder.bind(json("{'type': 'WITHDRAWN', 'date': '2020-01-01'}"), TODAY, null).event().date())
                .isEqualTo(LocalDate.of(2020, 1, 1));
    }
}
