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
    void unknownPolicyGivesAReportWithoutPolicy() {
        CompletenessReport report = service.check(CaseBuilder.complete().with("policyId=gold-plan").data());

        assertThat(report.policy()).isNull();
        assertThat(report.missing()).containsExactly("policyId");
    }
}
