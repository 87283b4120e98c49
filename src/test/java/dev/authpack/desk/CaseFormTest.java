package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseBinder;
import dev.authpack.core.FieldProblem;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The form's round trip: posted parameters, rows renumbered, the JSON tree the binder reads, and back. */
class CaseFormTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void rowsAreRenumberedInOrderAndBlankRowsDroppedOnSave() {
        CaseForm form = CaseFormReader.read(params(
                "medicationTrials[0].drug", "sertraline",
                "medicationTrials[3].drug", "",
                "medicationTrials[7].drug", "venlafaxine",
                "medicationTrials[7].startDate", "2025-05-01"), CaseFormAction.SAVE);

        assertThat(form.rows("medicationTrials")).containsExactly(0, 1);
        assertThat(form.value("medicationTrials[1].drug")).isEqualTo("venlafaxine");
        assertThat(form.value("medicationTrials[1].startDate")).isEqualTo("2025-05-01");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "add:medicationTrials,      3, sertraline",
            "remove:medicationTrials:0, 1, venlafaxine",
            "remove:medicationTrials:1, 1, sertraline"})
    void buttonsWithoutScriptAddAndRemoveRowsKeepingBlankOnes(String action, int rows, String firstDrug) {
        CaseForm form = CaseFormReader.read(params(
                "medicationTrials[0].drug", "sertraline",
                "medicationTrials[1].drug", "venlafaxine",
                "patient.firstName", "Dana"), CaseFormAction.of(action));

        assertThat(form.rows("medicationTrials")).hasSize(rows);
        assertThat(form.value("medicationTrials[0].drug")).isEqualTo(firstDrug);
        assertThat(form.value("patient.firstName")).isEqualTo("Dana");
    }

    @Test
    void endBeforeStartIsReportedOnTheInputItCameFrom() {
        CaseForm form = CaseFormReader.read(params(
                "medicationTrials[0].drug", "sertraline",
                "medicationTrials[5].drug", "venlafaxine",
                "medicationTrials[5].startDate", "2025-05-01",
                "medicationTrials[5].endDate", "2025-04-20"), CaseFormAction.SAVE);

        List<FieldProblem> problems = validate(CaseFormTree.toTree(form));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("medicationTrials[1].endDate");
        assertThat(form.value("medicationTrials[1].endDate")).isEqualTo("2025-04-20");
    }

    @Test
    void typedTextThatIsNotANumberIsAProblemOfItsField() {
        CaseForm form = CaseFormReader.read(params("request.sessions", "eight", "coverage.inNetwork", "true"),
                CaseFormAction.SAVE);

        assertThat(validate(CaseFormTree.toTree(form))).extracting(FieldProblem::field).containsExactly("request.sessions");
    }

    @Test
    void savedCaseComesBackAsTheSameInputs() {
        CaseForm typed = CaseFormReader.read(params(
                "patient.firstName", "Dana",
                "diagnosis.icd10", "F33.2",
                "coverage.deductibleRemaining", "1500.00",
                "request.lines[0].code", "G2083",
                "medicationTrials[0].drug", "sertraline"), CaseFormAction.SAVE);

        CaseForm again = CaseFormTree.fromTree(CaseFormTree.toTree(typed), 3L);

        assertThat(again.values()).isEqualTo(typed.values());
        assertThat(again.rows("request.lines")).containsExactly(0);
        assertThat(again.rows("assessments")).isEmpty();
        assertThat(again.version()).isEqualTo(3L);
    }

    @ParameterizedTest
    @CsvSource({
            "medicationTrials[1].endDate, medicationTrials-1-endDate, field.medicationTrials.endDate",
            "patient.dateOfBirth,         patient-dateOfBirth,        field.patient.dateOfBirth",
            "request.lines,               request-lines,              field.request.lines",
            "request.lines[0].code,       request-lines-0-code,       field.request.lines.code"})
    void jsonPathNamesTheInputIdAndLabel(String path, String id, String labelKey) {
        assertThat(CaseForm.idOf(path)).isEqualTo(id);
        assertThat(CaseForm.labelKeyOf(path)).isEqualTo(labelKey);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "2025-02-01, 2025-04-15, 10",
            "2025-02-01, 2025-03-14, 5",
            "2025-02-01, 2025-03-15, 6",
            "2025-02-01, 2025-01-15, null",
            "2025-02-01, '',         null"})
    void trialWeeksAreShownFromTheTypedDates(String start, String end, String weeks) {
        CaseForm form = CaseFormReader.read(params("medicationTrials[0].drug", "x",
                "medicationTrials[0].startDate", start, "medicationTrials[0].endDate", end), CaseFormAction.SAVE);

        assertThat(form.weeks("medicationTrials[0]") == null ? null : form.weeks("medicationTrials[0]").toString())
                .isEqualTo(weeks);
    }

    private static List<FieldProblem> validate(JsonNode tree) {
        CaseBinder.Result bound = new CaseBinder(CaseBinder.Source.FORM).bind(tree);
        List<FieldProblem> problems = new ArrayList<>(bound.problems());
        VALIDATOR.validate(bound.data()).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        return problems;
    }

    private static Map<String, String[]> params(String... pairs) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], new String[] {pairs[i + 1]});
        }
        params.put("_csrf", new String[] {"token"});
        return params;
    }
}
