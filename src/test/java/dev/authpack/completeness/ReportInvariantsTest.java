package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drafts arrive with any value absent: random removals from sample 01 (seeded, so failures
 * repeat) never break the evaluator, and every report keeps the contract's invariants.
 */
class ReportInvariantsTest {

    private static final List<String> REMOVABLE = List.of("patient.firstName", "patient.lastName",
            "patient.dateOfBirth", "patient.memberId", "coverage.planType", "prescriber.name", "prescriber.npi",
            "prescriber.specialty", "facility.name", "facility.npi", "facility.tin", "facility.remsCertified",
            "diagnosis.icd10", "diagnosis.episodeStart", "assessments", "medicationTrials[0].drugClass",
            "medicationTrials[0].role", "medicationTrials[0].dailyDoseMg", "medicationTrials[0].startDate",
            "medicationTrials[0].endDate", "medicationTrials[0].outcome", "medicationTrials[0].improvementPct",
            "medicationTrials[0].adherencePct", "medicationTrials[1].endDate", "medicationTrials[1].outcome",
            "psychotherapy[0].sessions", "psychotherapy", "screening.systolic", "screening.diastolic",
            "screening.measuredOn", "screening.substanceUse", "screening.psychoticFeatures",
            "screening.vascularContraindication", "screening.pregnant", "screening.pdmpCheckedOn", "screening",
            "request.treatment", "request.phase", "request.startDate", "request.sessions", "request.lines",
            "medicationTrials", "patient", "diagnosis", "request");
    private static final List<String> POLICIES = List.of("esketamine-standard", "esketamine-augmented",
            "ketamine-iv-strict", "self-pay", "unknown-policy");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomDraftsGiveConsistentReports(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 250; i++) {
            List<String> edits = new ArrayList<>();
            edits.add("policyId=" + POLICIES.get(random.nextInt(POLICIES.size())));
            edits.add("request.phase=" + (random.nextBoolean() ? "INITIAL" : "REAUTHORIZATION"));
            edits.add("request.treatment=" + (random.nextBoolean() ? "ESKETAMINE" : "KETAMINE_IV"));
            int removals = random.nextInt(6);
            for (int r = 0; r < removals; r++) {
                edits.add(REMOVABLE.get(random.nextInt(REMOVABLE.size())) + "=null");
            }
            CaseBuilder builder = CaseBuilder.complete();
            edits.forEach(builder::with);
            checkInvariants(String.join("; ", edits), TestCatalogs.evaluate(builder));
        }
    }

    private static void checkInvariants(String edits, CompletenessReport report) {
        boolean allMet = report.criteria().stream().allMatch(c -> c.status() == CriterionStatus.MET);
        assertThat(report.complete()).as(edits).isEqualTo(report.policy() != null && report.missing().isEmpty() && allMet);
        assertThat(report.asOf()).as(edits).isNotNull();
        assertThat(report.criteria()).as(edits).isSortedAccordingTo(Comparator.comparing(CriterionResult::id));
        assertThat(report.criteria()).as(edits).extracting(CriterionResult::id).doesNotHaveDuplicates();
        assertThat(report.criteria()).as(edits).allSatisfy(c -> assertThat(c.detail()).isNotBlank());
        if (report.policy() == null) {
            assertThat(report.criteria()).as(edits).isEmpty();
            assertThat(report.missing()).as(edits).contains("policyId");
        }
        if (report.policy() != null && report.policy().id().equals("self-pay")) {
            assertThat(report.criteria()).as(edits).isEmpty();
        }
        List<CriterionId> ids = report.criteria().stream().map(CriterionResult::id).toList();
        assertThat(ids.contains(CriterionId.SEVERITY) && ids.contains(CriterionId.REAUTH_RESPONSE)).as(edits).isFalse();
    }
}
