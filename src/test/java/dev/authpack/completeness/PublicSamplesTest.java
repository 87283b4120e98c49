package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published samples give the results their README documents. */
class PublicSamplesTest {

    private static CompletenessReport check(CaseData data) {
        LocalDate asOf = data.request().startDate();
        return TestCatalogs.EVALUATOR.evaluate(data, TestCatalogs.POLICIES.find(data.policyId()).orElse(null), asOf);
    }

    private static Map<String, String> statuses(CompletenessReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        report.criteria().forEach(c -> out.put(c.id().name(), c.status().name()));
        return out;
    }

    @Test
    void completeEsketamineSampleMeetsEveryAppliedCriterion() {
        CompletenessReport report = check(CaseBuilder.sample("01-complete-esketamine.json").data());

        assertThat(report.complete()).isTrue();
        assertThat(report.missing()).isEmpty();
        assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(report.policy()).isEqualTo(new CompletenessReport.PolicyRef("esketamine-standard", "2026.1"));
        assertThat(statuses(report)).containsExactly(
                Map.entry("TREATMENT", "MET"), Map.entry("AGE", "MET"), Map.entry("DIAGNOSIS", "MET"),
                Map.entry("SEVERITY", "MET"), Map.entry("FAILED_TRIALS", "MET"),
                Map.entry("CONTRAINDICATIONS", "MET"), Map.entry("PRESCRIBER", "MET"), Map.entry("REMS", "MET"),
                Map.entry("PDMP", "MET"));
        CriterionResult age = report.criteria().get(1);
        assertThat(age.detail()).isEqualTo("47 years on 2026-11-30");
    }

    @Test
    void oneFailedTrialSampleFallsShortOfTwo() {
        CompletenessReport report = check(CaseBuilder.sample("02-one-failed-trial.json").data());

        assertThat(report.complete()).isFalse();
        assertThat(report.missing()).isEmpty();
        CriterionResult trials = report.criteria().stream()
                .filter(c -> c.id() == CriterionId.FAILED_TRIALS).findFirst().orElseThrow();
        assertThat(trials.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(trials.detail()).isEqualTo("1 qualifying trial, 2 required");
        assertThat(trials.evidence()).containsExactly(
                "sertraline 200 mg/day, 2025-02-01 to 2025-04-15 (10 weeks), inadequate response");
        assertThat(statuses(report)).containsEntry("SEVERITY", "MET").containsEntry("PDMP", "MET");
    }

    @Test
    void selfPaySampleIsCompleteWithoutMemberIdOrCriteria() {
        CompletenessReport report = check(CaseBuilder.sample("03-self-pay-ketamine.json").data());

        assertThat(report.complete()).isTrue();
        assertThat(report.missing()).isEmpty();
        assertThat(report.criteria()).isEmpty();
        assertThat(report.policy().id()).isEqualTo("self-pay");
    }

    @Test
    void staleSeveritySampleFailsOnlySeverity() {
        CompletenessReport report = check(CaseBuilder.sample("04-stale-severity.json").data());

        assertThat(report.complete()).isFalse();
        assertThat(statuses(report)).containsEntry("SEVERITY", "NOT_MET")
                .containsEntry("FAILED_TRIALS", "MET").containsEntry("PDMP", "MET");
        assertThat(statuses(report).values()).filteredOn("NOT_MET"::equals).hasSize(1);
        assertThat(report.criteria().get(3).evidence()).singleElement().asString()
                .contains("60 days before 2026-11-30");
    }

    @Test
    void sampleWithoutFacilityNpiListsExactlyThatField() {
        CompletenessReport report = check(CaseBuilder.complete().with("facility.npi=null").data());

        assertThat(report.missing()).containsExactly("facility.npi");
        assertThat(report.complete()).isFalse();
    }
}
