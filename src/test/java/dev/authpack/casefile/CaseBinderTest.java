package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.Money;
import dev.authpack.support.Samples;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CaseBinderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CaseBinder binder = new CaseBinder(CaseBinder.Source.JSON);

    @Test
    void bindsEverySectionOfTheCompleteSample() {
        CaseBinder.Result r = binder.bind(Samples.tree("01-complete-esketamine"));

        assertThat(r.problems()).isEmpty();
        CaseData c = r.data();
        assertThat(c.patient().lastName()).isEqualTo("Reyes");
        assertThat(c.prescriber().npi().value()).isEqualTo("1234567893");
        assertThat(c.diagnosis().icd10().value()).isEqualTo("F33.2");
        assertThat(c.medicationTrials()).hasSize(2);
        assertThat(c.medicationTrials().get(1).dailyDoseMg()).isEqualByComparingTo("225");
        assertThat(c.request().lines().get(0).allowedPerUnit().amount()).isEqualByComparingTo("1289.82");
    }

    @Test
    void namesEveryShapeProblemAtOnceWithItsJsonPath() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("screening")).put("pregnant", "yes");
        ((ObjectNode) tree.get("medicationTrials").get(1)).put("outcome", "REMISSION");
        ((ObjectNode) tree.get("prescriber")).put("specialty", "PEDIATRICS");
        ((ObjectNode) tree.get("facility")).put("notAFieldOfTheFacility", 1);

        List<String> fields = binder.bind(tree).problems().stream().map(FieldProblem::field).toList();

        assertThat(fields).containsExactlyInAnyOrder("screening.pregnant", "medicationTrials[1].outcome",
                "prescriber.specialty", "facility.notAFieldOfTheFacility");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "prescriber.npi|'158739201'",
            "prescriber.npi|'1587392015'",
            "diagnosis.icd10|'33.2'",
            "patient.sex|'F'",
            "patient.dateOfBirth|'2026-02-30'",
            "request.treatment|'PSILOCYBIN'",
            "facility.tin|'12-345678'",
            "patient.firstName|'a\u0000b'",
            "patient.firstName|'Da\uFFFEna'",
            "facility.address|'1 Main\uFFFF St'",
    })
    void rejectsMalformedValues(String path, String value) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        String[] parts = path.split("\\.");
        ((ObjectNode) tree.get(parts[0])).put(parts[1], value);

        assertThat(binder.bind(tree).problems()).extracting(FieldProblem::field).containsExactly(path);
    }

    @Test
    void normalisesIcdCodesAndTinsAsTyped() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("diagnosis")).put("icd10", "f332");
        ((ObjectNode) tree.get("facility")).put("tin", "123456789");

        CaseData c = binder.bind(tree).data();

        assertThat(c.diagnosis().icd10().value()).isEqualTo("F33.2");
        assertThat(c.facility().tin().value()).isEqualTo("12-3456789");
    }

    /**
     * HCPCS and CPT codes are upper case: "g2083" typed on the form was priced (the fee schedule looks
     * codes up in any case) but printed as typed on the packet and the estimate, and sent to the payer
     * in the PAS bundle as a code its system does not know. Session events already stored it upper case.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON", "FORM", "STORED"})
    void storesABillingCodeTypedInLowerCaseAsThePayerWritesIt(CaseBinder.Source source) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("request").get("lines").get(0)).put("code", "g2083");
        ((ObjectNode) tree.get("request")).withArray("lines").addObject().put("code", " 0591t ");

        CaseBinder.Result r = new CaseBinder(source).bind(tree);

        assertThat(r.problems()).isEmpty();
        assertThat(r.data().request().lines()).extracting(BillingLine::code).containsExactly("G2083", "0591T");
    }

    @Test
    void treatsAbsentNullAndEmptyValuesAsMissingNotAsErrors() {
        ObjectNode tree = (ObjectNode) JSON.readTree("""
                {"policyId": "", "patient": {"firstName": null, "dateOfBirth": ""}, "request": {"sessions": null}}
                """);

        CaseBinder.Result r = binder.bind(tree);

        assertThat(r.problems()).isEmpty();
        assertThat(r.data().policyId()).isNull();
        assertThat(r.data().patient().dateOfBirth()).isNull();
        assertThat(r.data().medicationTrials()).isEmpty();
    }

    @Test
    void rejectsNullArrayElementsAndWrongTypes() {
        ObjectNode tree = (ObjectNode) JSON.readTree("""
                {"assessments": [null], "request": {"sessions": 1.5, "urgent": "true"},
                 "coverage": {"copayPerSession": 10.005}, "medicationTrials": {"drug": "x"}}
                """);

        assertThat(binder.bind(tree).problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "assessments[0]", "request.sessions", "request.urgent", "coverage.copayPerSession",
                "medicationTrials");
    }

    @Test
    void formInputParsesTextIntoNumbersAndBooleans() {
        ObjectNode tree = (ObjectNode) JSON.readTree("""
                {"request": {"sessions": "8", "urgent": "on"}, "coverage": {"deductibleRemaining": "1,500.00"}}
                """);

        CaseData c = new CaseBinder(CaseBinder.Source.FORM).bind(tree).data();

        assertThat(c.request().sessions()).isEqualTo(8);
        assertThat(c.request().urgent()).isTrue();
        assertThat(c.coverage().deductibleRemaining().amount()).isEqualByComparingTo(new BigDecimal("1500"));
    }

    @Test
    void keepsCharactersBeyondTheBasicPlaneAndRefusesBrokenSurrogates() {
        assertThat(boundFirstName("Dana \uD83D\uDE00\uD83D\uDE00").data().patient().firstName())
                .isEqualTo("Dana \uD83D\uDE00\uD83D\uDE00");
        for (String broken : List.of("Da\uD83Dna", "Da\uDE00na", "Dana \uD83D", "\uDE00\uD83D")) {
            assertThat(boundFirstName(broken).problems()).as(broken).extracting(FieldProblem::field)
                    .containsExactly("patient.firstName");
        }
    }

    private CaseBinder.Result boundFirstName(String name) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("patient")).put("firstName", name);
        return binder.bind(tree);
    }

    @Test
    void aCaseOrASectionThatIsNotAnObjectIsRefused() {
        assertThat(binder.bind(JSON.readTree("[1]")).problems()).extracting(FieldProblem::field).containsExactly("");
        assertThat(binder.bind(JSON.readTree("[1]")).data()).isNull();
        assertThat(binder.bind(JSON.readTree("{\"patient\": \"Dana Reyes\", \"prescriber\": {\"name\": 5}}"))
                .problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("patient", "prescriber.name");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "request.sessions          | 2147483648         | is far too large",
            "request.sessions          | 1e12               | is far too large",
            "request.sessions          | -2147483649        | is far too large",
            "request.sessions          | 12.5               | must be a whole number",
            "coverage.deductibleRemaining | -0.01           | must be 0 or more",
            "coverage.deductibleRemaining | 100000000.00    | must be at most 99999999.99",
            "coverage.deductibleRemaining | 12.345          | must have at most 2 decimals",
            "coverage.coinsurancePct   | 12.34567           | must have at most 4 decimals"})
    void refusesNumbersOutsideWhatTheFieldCanHold(String path, String number, String message) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        String[] parts = path.split("\\.");
        ((ObjectNode) tree.get(parts[0])).put(parts[1], new BigDecimal(number));

        assertThat(binder.bind(tree).problems()).containsExactly(new FieldProblem(path, message));
    }

    /**
     * A few characters of exponent must not cost the service minutes of CPU: before this was decided
     * from the exponent, 1e9999999 took 28 s of one core and this one would take hours.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "assessments[0].score   | 1e99999999   | is far too large",
            "assessments[0].score   | 1e999999999  | is far too large",
            "assessments[0].score   | -1e999999999 | is far too large",
            "request.sessions       | 1e999999999  | is far too large",
            "request.sessions       | 1.5e-999999999 | must be a whole number",
            "coverage.deductibleRemaining | 1e999999999 | must be at most 99999999.99",
            "coverage.coinsurancePct | 1e-999999999 | must have at most 4 decimals",
            "coverage.coinsurancePct | 1e999999999 | is far too large",
            "medicationTrials[0].dailyDoseMg | 1.5e-999999999 | must have at most 4 decimals"})
    void aHugeExponentIsRefusedWithoutWritingOutItsDigits(String path, String number, String message) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        JsonNode parent = path.contains("[0]") ? tree.get(path.substring(0, path.indexOf('['))).get(0)
                : tree.get(path.split("\\.")[0]);
        ((ObjectNode) parent).put(path.substring(path.lastIndexOf('.') + 1), new BigDecimal(number));

        List<FieldProblem> problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> binder.bind(tree).problems());

        assertThat(problems).containsExactly(new FieldProblem(path, message));
    }

    @Test
    void aDoseOrPercentageKeepsItsDecimalsUpToFour() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("coverage")).put("coinsurancePct", new BigDecimal("12.2500"));
        ((ObjectNode) tree.get("medicationTrials").get(0)).put("dailyDoseMg", new BigDecimal("37.5000000"));

        CaseBinder.Result r = binder.bind(tree);

        assertThat(r.problems()).isEmpty();
        assertThat(r.data().coverage().coinsurancePct()).isEqualByComparingTo("12.25");
        assertThat(r.data().medicationTrials().get(0).dailyDoseMg()).isEqualByComparingTo("37.5");
    }

    @Test
    void theLargestValuesAFieldCanHoldAreBound() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("request")).put("sessions", Integer.MAX_VALUE);
        ((ObjectNode) tree.get("coverage")).put("deductibleRemaining", new BigDecimal("99999999.99"));
        ((ObjectNode) tree.get("coverage")).put("oopRemaining", 0);

        CaseBinder.Result r = binder.bind(tree);

        // the range of request.sessions (1-60) is Bean Validation's job, after binding
        assertThat(r.problems()).isEmpty();
        assertThat(r.data().request().sessions()).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.data().coverage().deductibleRemaining()).isEqualTo(Money.of("99999999.99"));
        assertThat(r.data().coverage().oopRemaining()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "form urgent ''{0}''")
    @CsvSource(value = {"true, true", "on, true", "' on ', true", "false, false", "'', NULL", "'  ', NULL"},
            nullValues = "NULL")
    void formCheckboxesReadAsBooleans(String typed, Boolean bound) {
        CaseBinder.Result r = new CaseBinder(CaseBinder.Source.FORM)
                .bind(JSON.readTree("{\"request\": {\"urgent\": \"" + typed + "\"}}"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.data().request().urgent()).isEqualTo(bound);
    }

    @ParameterizedTest(name = "form {0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {"request.urgent | yes", "request.sessions | eight",
            "coverage.copayPerSession | $25"})
    void formTextThatIsNotTheRightKindOfValueIsRefused(String path, String typed) {
        String[] parts = path.split("\\.");
        CaseBinder.Result r = new CaseBinder(CaseBinder.Source.FORM)
                .bind(JSON.readTree("{\"" + parts[0] + "\": {\"" + parts[1] + "\": \"" + typed + "\"}}"));

        assertThat(r.problems()).extracting(FieldProblem::field).containsExactly(path);
    }
}
