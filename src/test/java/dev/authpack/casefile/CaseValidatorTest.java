package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.FieldProblem;
import dev.authpack.support.JsonEdits;
import dev.authpack.support.Samples;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract's input rules after binding: field ranges, end before start, score ranges, limits, policy ids. */
class CaseValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // "not in the future" is judged against a pinned day, after every date of the samples
    private static final Validator BEAN_VALIDATION = Validation.byDefaultProvider().configure()
            .clockProvider(() -> Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC))
            .buildValidatorFactory().getValidator();
    private static final KnownPolicies LOADED = id -> id.equals("esketamine-standard") || id.equals("self-pay");

    private final CaseValidator validator = new CaseValidator(BEAN_VALIDATION, LOADED, new CaseLimits(2, 2, 2, 2));

    @Test
    void theCompleteSampleIsValid() {
        CaseValidator.Result r = validator.validateJson(Samples.tree("01-complete-esketamine"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.data().patient().lastName()).isEqualTo("Reyes");
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "assessments[0].score          | 0           | NULL",
            "assessments[0].score          | 27          | NULL",
            "assessments[0].score          | 28          | assessments[0].score",
            "assessments[0].score          | -1          | assessments[0].score",
            "assessments[0].date           | 2026-11-30  | NULL",
            "assessments[0].date           | 2026-12-01  | assessments[0].date",
            "medicationTrials[0].endDate   | 2025-02-01  | NULL",
            "medicationTrials[0].endDate   | 2025-01-31  | medicationTrials[0].endDate",
            "psychotherapy[0].endDate      | 2025-03-01  | NULL",
            "psychotherapy[0].endDate      | 2025-02-28  | psychotherapy[0].endDate",
            "psychotherapy[0].sessions     | 500         | NULL",
            "psychotherapy[0].sessions     | 501         | psychotherapy[0].sessions",
            "coverage.coinsurancePct       | 100         | NULL",
            "coverage.coinsurancePct       | 101         | coverage.coinsurancePct",
            "request.sessions              | 60          | NULL",
            "request.sessions              | 61          | request.sessions",
            "request.sessions              | 0           | request.sessions",
            "patient.dateOfBirth           | 1900-01-01  | NULL",
            "patient.dateOfBirth           | 1899-12-31  | patient.dateOfBirth",
            "policyId                      | self-pay    | NULL",
            "policyId                      | cash-only   | policyId"})
    void judgesEachInputRuleAtItsBoundary(String path, String value, String problemOn) {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        JsonEdits.set(tree, path, value);

        CaseValidator.Result r = validator.validateJson(tree);

        assertThat(r.problems()).extracting(FieldProblem::field)
                .containsExactlyElementsOf(problemOn == null ? List.of() : List.of(problemOn));
        assertThat(r.valid()).isEqualTo(problemOn == null);
    }

    @Test
    void aScoreOutOfRangeNamesTheInstrumentsRange() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        JsonEdits.set(tree, "assessments[0].instrument", "MADRS");
        JsonEdits.set(tree, "assessments[0].score", "61");

        assertThat(validator.validateJson(tree).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("60", "MADRS"));
    }

    @Test
    void aDraftWithoutAPolicyOrDatesIsNotAnInputError() {
        JsonNode draft = JSON.readTree("""
                {"patient": {"lastName": "Reyes"}, "medicationTrials": [{"drug": "sertraline", "endDate": "2025-04-15"}],
                 "assessments": [{"instrument": "PHQ9", "score": 22, "date": "2026-11-10"}]}
                """);

        assertThat(validator.validateJson(draft).problems()).isEmpty();
    }

    @Test
    void anAssessmentWithoutItsScoreIsReportedOnceOnTheScore() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("assessments").get(0)).remove("score");

        assertThat(validator.validateJson(tree).problems()).extracting(FieldProblem::field)
                .containsExactly("assessments[0].score");
    }

    @Test
    void moreLinesOrTrialsThanTheSettingsAllowAreRefused() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ArrayNode lines = (ArrayNode) tree.get("request").get("lines");
        lines.add(lines.get(0).deepCopy());
        assertThat(validator.validateJson(tree).problems()).as("two of each: at the limit").isEmpty();

        lines.add(lines.get(0).deepCopy());
        ArrayNode trials = (ArrayNode) tree.get("medicationTrials");
        trials.add(trials.get(0).deepCopy());

        assertThat(validator.validateJson(tree).problems()).extracting(FieldProblem::field)
                .containsExactly("medicationTrials", "request.lines");
    }

    @Test
    void limitsBelowOneAreASettingsError() {
        assertThatThrownBy(() -> new CaseLimits(0, 50, 50, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseLimits(50, 0, 50, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseLimits(50, 50, 0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseLimits(50, 50, 50, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CaseLimits(1, 1, 1, 1).maxLines()).isEqualTo(1);
    }

    @Test
    void aValueTheBinderRefusedIsReportedOnceAndProblemsComeInFieldOrder() {
        ObjectNode tree = Samples.tree("01-complete-esketamine");
        ((ObjectNode) tree.get("request").get("lines").get(0)).put("code", 2083);
        JsonEdits.set(tree, "request.sessions", "61");
        JsonEdits.set(tree, "coverage.coinsurancePct", "101");
        tree.put("policyId", "cash-only");

        CaseValidator.Result r = validator.validateJson(tree);

        assertThat(r.problems()).extracting(FieldProblem::field).containsExactly("coverage.coinsurancePct",
                "policyId", "request.lines[0].code", "request.sessions");
        assertThat(r.problems()).filteredOn(p -> p.field().equals("request.lines[0].code")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("must be text"));
    }

    @Test
    void aCaseThatIsNotAnObjectIsOneProblem() {
        CaseValidator.Result r = validator.validateJson(JSON.readTree("\"a case\""));

        assertThat(r.data()).isNull();
        assertThat(r.problems()).extracting(FieldProblem::field).containsExactly("");
    }

    @Test
    void formInputIsJudgedAsText() {
        ObjectNode form = Samples.tree("01-complete-esketamine");
        JsonEdits.set(form, "request.sessions", "\"61\"");

        assertThat(validator.validateForm(form).problems()).extracting(FieldProblem::field)
                .containsExactly("request.sessions");
        assertThat(validator.validateJson(form).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("must be a number"));
    }
}
