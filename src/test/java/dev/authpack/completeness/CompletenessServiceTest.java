package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The service judges as of the start date, or today (its clock) when there is none. */
class CompletenessServiceTest {

    private final CompletenessService service = new CompletenessService(TestCatalogs.POLICIES, TestCatalogs.DRUGS,
            TestCatalogs.CODES, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void evaluatesAsOfTheRequestedStartDate() {
        CompletenessReport report = service.check(CaseBuilder.complete().data());

        assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(report.complete()).isTrue();
    }

    @Test
    void withoutStartDateEvaluatesAsOfTodayAndNamesIt() {
        CompletenessReport report = service.check(CaseBuilder.complete().with("request.startDate=null").data());

        assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(report.missing()).containsExactly("request.startDate");
        // the windows move with asOf: PHQ-9 of 2026-11-10 is 12 days before today
        assertThat(TestCatalogs.find(report, CriterionId.SEVERITY).orElseThrow().detail()).contains("2026-11-10");
        assertThat(report.complete()).isFalse();
    }

    @Test
    void isCompleteFollowsTheReport() {
        assertThat(service.isComplete(CaseBuilder.complete().data())).isTrue();
        assertThat(service.isComplete(CaseBuilder.complete().with("medicationTrials[1].outcome=RESPONSE").data())).isFalse();
    }

    @Test
    void judgedOnIsTheStartDateOrToday() {
        assertThat(service.judgedOn(CaseBuilder.complete().data())).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(service.judgedOn(CaseBuilder.complete().with("request.startDate=null").data()))
                .isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void anotherLoadedPolicyJudgesTheSameCase() {
        CaseBuilder sample = CaseBuilder.complete().with("request.treatment=KETAMINE_IV");

        CompletenessReport strict = service.checkAgainst(sample.data(), "ketamine-iv-strict").orElseThrow();

        assertThat(strict.policy().id()).isEqualTo("ketamine-iv-strict");
        assertThat(strict.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(TestCatalogs.status(strict, CriterionId.TREATMENT)).isEqualTo("MET");
        assertThat(service.checkAgainst(sample.data(), "gold-plan")).isEmpty();
    }

    @Test
    void aGivenPolicyVersionJudgesAsOfTheStartDate() {
        CompletenessReport report = service.checkWith(CaseBuilder.complete().data(), TestCatalogs.policy("esketamine-augmented"));

        assertThat(report.policy().id()).isEqualTo("esketamine-augmented");
        assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(TestCatalogs.status(report, CriterionId.AUGMENTATION)).isEqualTo("MET");
    }

    /** Only ketamine-iv-strict and bcbsma-087 cover IV ketamine with payer criteria; self-pay has none, Aetna covers nothing. */
    @Test
    void comparisonJudgesEveryPayerPolicyThatCoversTheTreatment() {
        PolicyComparison comparison = service.compare(CaseBuilder.complete().with("request.treatment=KETAMINE_IV").data());

        assertThat(comparison.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(comparison.treatment()).isEqualTo("KETAMINE_IV");
        assertThat(comparison.policies()).extracting(v -> v.policy().id()).containsExactly("bcbsma-087", "ketamine-iv-strict");
        PolicyComparison.Verdict strict = comparison.policies().get(1);
        assertThat(strict.complete()).isFalse();
        assertThat(strict.missing()).isEmpty();
        // sample 01 has two monotherapy trials of the four required, no augmentation trial and only a PHQ-9 score
        assertThat(strict.unmet()).extracting(CriterionResult::id)
                .containsExactly(CriterionId.SEVERITY, CriterionId.FAILED_TRIALS, CriterionId.AUGMENTATION);
    }

    @Test
    void comparisonSaysYesWhereTheCaseIsComplete() {
        PolicyComparison comparison = service.compare(CaseBuilder.complete().data());

        PolicyComparison.Verdict standard = comparison.policies().stream()
                .filter(v -> v.policy().id().equals("esketamine-standard")).findFirst().orElseThrow();
        assertThat(standard.complete()).isTrue();
        assertThat(standard.unmet()).isEmpty();
        assertThat(comparison.policies()).extracting(v -> v.policy().id())
                .doesNotContain("self-pay", "aetna-ketamine-0938").contains("cigna-spravato", "texas-medicaid-spravato");
    }

    @Test
    void unknownPolicyGivesAReportWithoutPolicy() {
        CompletenessReport report = service.check(CaseBuilder.complete().with("policyId=gold-plan").data());

        assertThat(report.policy()).isNull();
        assertThat(report.missing()).containsExactly("policyId");
    }
}
