package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report serialises in the contract's shape with a plain Jackson 3 mapper (as Spring MVC writes it). */
class CompletenessReportJsonTest {

    // the application leaves null members out (spring.jackson.default-property-inclusion=non_null)
    private final JsonMapper mapper = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Test
    void reportHasTheContractsMembers() {
        CompletenessReport report = TestCatalogs.evaluate(CaseBuilder.sample("02-one-failed-trial.json")
                .with("patient.memberId=null"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

        assertThat(json.get("complete").isBoolean()).isTrue();
        assertThat(json.get("complete").asBoolean()).isFalse();
        assertThat(json.get("policy").get("id").asString()).isEqualTo("esketamine-standard");
        assertThat(json.get("policy").get("version").asString()).isEqualTo("2026.1");
        assertThat(json.get("policy").has("effectiveFrom")).as("a single-version policy still writes the member")
                .isTrue();
        assertThat(json.get("policy").get("effectiveFrom").isNull()).isTrue();
        assertThat(json.get("asOf").asString()).isEqualTo("2026-11-30");
        assertThat(json.get("missing").get(0).asString()).isEqualTo("patient.memberId");
        JsonNode age = json.get("criteria").get(1);
        assertThat(age.get("id").asString()).isEqualTo("AGE");
        assertThat(age.get("status").asString()).isEqualTo("MET");
        assertThat(age.get("detail").asString()).isEqualTo("47 years on 2026-11-30");
        assertThat(age.get("label").asString()).isEqualTo("Age");
        assertThat(age.get("evidence").isArray()).as("written even when empty").isTrue();
        assertThat(age.get("evidence").size()).isZero();
        assertThat(age.has("met")).isFalse();
        JsonNode trials = json.get("criteria").get(4);
        assertThat(trials.get("id").asString()).isEqualTo("FAILED_TRIALS");
        assertThat(trials.get("status").asString()).isEqualTo("NOT_MET");
        assertThat(trials.get("detail").asString()).isEqualTo("1 qualifying trial, 2 required");
        assertThat(trials.get("evidence").get(0).asString())
                .isEqualTo("sertraline 200 mg/day, 2025-02-01 to 2025-04-15 (10 weeks), inadequate response");
        assertThat(trials.get("fixField").asString()).isEqualTo("medicationTrials");
        assertThat(json.has("unmetCriteria")).isFalse();
    }

    @Test
    void reportWithoutPolicyWritesNullPolicyAndEmptyCriteria() {
        CompletenessReport report = TestCatalogs.evaluate(CaseBuilder.complete().with("policyId=null"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

        assertThat(json.has("policy")).isTrue();
        assertThat(json.get("policy").isNull()).isTrue();
        assertThat(json.get("criteria").isArray()).isTrue();
        assertThat(json.get("criteria").size()).isZero();
    }

    @Test
    void everyCriterionHasTheContractsLabel() {
        assertThat(CriterionId.TREATMENT.label()).isEqualTo("Covered treatment");
        assertThat(CriterionId.AGE.label()).isEqualTo("Age");
        assertThat(CriterionId.DIAGNOSIS.label()).isEqualTo("Eligible diagnosis");
        assertThat(CriterionId.SEVERITY.label()).isEqualTo("Severity score");
        assertThat(CriterionId.FAILED_TRIALS.label()).isEqualTo("Failed antidepressant trials");
        assertThat(CriterionId.AUGMENTATION.label()).isEqualTo("Augmentation or psychotherapy");
        assertThat(CriterionId.PSYCHOTHERAPY.label()).isEqualTo("Psychotherapy");
        assertThat(CriterionId.CONTRAINDICATIONS.label()).isEqualTo("No contraindications");
        assertThat(CriterionId.PRESCRIBER.label()).isEqualTo("Prescriber specialty");
        assertThat(CriterionId.REMS.label()).isEqualTo("REMS-certified setting");
        assertThat(CriterionId.PDMP.label()).isEqualTo("PDMP check");
        assertThat(CriterionId.REAUTH_RESPONSE.label()).isEqualTo("Response to treatment");
    }
}
