package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The contract's required-field list, checked whatever the policy. */
class MissingFieldsTest {

    private static final List<String> ALL = List.of("patient.firstName", "patient.lastName", "patient.dateOfBirth",
            "patient.memberId", "prescriber.name", "prescriber.npi", "facility.name", "facility.npi", "facility.tin",
            "diagnosis.icd10", "request.treatment", "request.startDate", "request.sessions", "request.lines");

    @ParameterizedTest(name = "{0} absent")
    @CsvSource({
        "patient.firstName", "patient.lastName", "patient.dateOfBirth", "patient.memberId", "prescriber.name",
        "prescriber.npi", "facility.name", "facility.npi", "facility.tin", "diagnosis.icd10", "request.treatment",
        "request.startDate", "request.sessions",
    })
    void eachRequiredFieldIsNamedWhenAbsent(String path) {
        CompletenessReport report = evaluate(CaseBuilder.complete().with(path + "=null"));

        assertThat(report.missing()).containsExactly(path);
        assertThat(report.complete()).isFalse();
    }

    @ParameterizedTest(name = "{0} blank")
    @CsvSource({"patient.firstName", "patient.lastName", "patient.memberId", "prescriber.name", "facility.name"})
    void blankTextCountsAsMissing(String path) {
        assertThat(evaluate(CaseBuilder.complete().with(path + "=\"  \"")).missing()).containsExactly(path);
    }

    @Test
    void noBillingLineAtAllIsMissing() {
        assertThat(evaluate(CaseBuilder.complete().with("request.lines=[]")).missing()).containsExactly("request.lines");
    }

    @Test
    void emptyDraftUnderAPolicyListsEveryField() {
        CompletenessReport report = evaluate(CaseBuilder.complete().with(
                "patient=null; prescriber=null; facility=null; diagnosis=null; request=null; coverage=null"));

        assertThat(report.missing()).containsExactlyElementsOf(ALL);
        assertThat(report.policy()).isNotNull();
    }

    @Test
    void selfPayPlanNeedsNoMemberIdWhateverThePolicy() {
        CompletenessReport report = evaluate(CaseBuilder.complete()
                .with("coverage.planType=SELF_PAY; patient.memberId=null"));

        assertThat(report.missing()).isEmpty();
        assertThat(report.complete()).isTrue();
    }

    @Test
    void selfPayPolicyWithInsuredPlanStillNeedsMemberId() {
        CompletenessReport report = evaluate(CaseBuilder.complete().with("policyId=self-pay; patient.memberId=null"));

        assertThat(report.missing()).containsExactly("patient.memberId");
        assertThat(report.criteria()).isEmpty();
    }

    @Test
    void selfPayPolicyAppliesNoCriteriaEvenToAFailingCase() {
        CompletenessReport report = evaluate(CaseBuilder.complete().with("policyId=self-pay; medicationTrials=[];"
                + " screening=null; assessments=[]; patient.dateOfBirth=2015-01-01; request.treatment=KETAMINE_IV"));

        assertThat(report.criteria()).isEmpty();
        assertThat(report.missing()).isEmpty();
        assertThat(report.complete()).isTrue();
    }

    @Test
    void unknownOrAbsentPolicyReportsNoPolicyAndNoCriteria() {
        for (String edit : List.of("policyId=null", "policyId=no-such-policy")) {
            CompletenessReport report = evaluate(CaseBuilder.complete().with(edit));

            assertThat(report.policy()).as(edit).isNull();
            assertThat(report.criteria()).as(edit).isEmpty();
            assertThat(report.missing()).as(edit).containsExactly("policyId");
            assertThat(report.complete()).as(edit).isFalse();
        }
    }

    @Test
    void ketamineIvStrictCaseIsComplete() {
        CompletenessReport report = evaluate(TrialCriteriaTest.strictCase());

        assertThat(report.unmetCriteria()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(report.criteria()).extracting(CriterionResult::id).containsExactly(CriterionId.TREATMENT,
                CriterionId.AGE, CriterionId.DIAGNOSIS, CriterionId.SEVERITY, CriterionId.FAILED_TRIALS,
                CriterionId.AUGMENTATION, CriterionId.CONTRAINDICATIONS, CriterionId.PRESCRIBER);
    }
}
