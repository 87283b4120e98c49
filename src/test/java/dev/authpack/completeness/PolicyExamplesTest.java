package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.policy.PolicyExample;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.support.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;

/**
 * Every worked example inside the shipped policy files gives the verdict it states (one test per
 * example, so a failure names it), and a file whose example fails does not load.
 */
class PolicyExamplesTest {

    private static final PolicyExamples RUNNER = new PolicyExamples(TestCatalogs.DRUGS, TestCatalogs.CODES);

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (Policy latest : TestCatalogs.POLICIES.all()) {
            for (Policy version : TestCatalogs.POLICIES.versions(latest.id())) {
                for (PolicyExample example : version.examples()) {
                    all.add(Arguments.of(version.id() + " " + version.version() + ": " + example.name(), version, example));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleGetsItsStatedVerdict(String name, Policy policy, PolicyExample example) {
        assertThat(RUNNER.verdictErrors(policy, example)).as(name).isEmpty();
    }

    /** What an uploader reads when an example of carefirst-spravato is written to expect the wrong verdict. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        a case that does not bind     | {"request": {"startDate": "2026-13-01"}}          | {"TREATMENT": "MET"}    | -    | its case does not bind: request.startDate is not a day of the calendar (2026-13-01): check the day and the month
        no start date to judge on     | {"request": {"startDate": null}}                  | {"TREATMENT": "MET"}    | -    | its case needs request.startDate (the date it is judged on)
        an unknown criterion          | {}                                                | {"NO_SUCH": "MET"}      | -    | unknown criterion NO_SUCH
        a criterion the policy omits  | {}                                                | {"PDMP": "MET"}         | -    | PDMP expected MET, got ABSENT
        another status                | {"diagnosis": {"icd10": "F33.1"}}                 | {"DIAGNOSIS": "MET"}    | -    | DIAGNOSIS expected MET, got NOT_MET (F33.1 Major depressive disorder, recurrent, moderate is not an eligible diagnosis (eligible: F32.2, F32.3, F33.2, F33.3))
        incomplete for a missing field | {"patient": {"memberId": null}}                  | {"TREATMENT": "MET"}    | true | complete expected true, got false (missing patient.memberId)
        incomplete for a criterion    | {"prescriber": {"specialty": "PSYCHIATRIC_NP"}}   | {"TREATMENT": "MET"}    | true | complete expected true, got false
        a course without its modality | {"medicationTrials": [], "psychotherapy": [{"startDate": "2025-03-01", "sessions": 3}]} | {"AUGMENTATION": "MET"} | - | AUGMENTATION expected MET, got NOT_MET (0 qualifying augmentation trials, 1 required, and no psychotherapy course of modality CBT, IPT, ST, PEI; in the current episode)
        """)
    void aWrongVerdictIsNamedWithWhatTheCaseGot(String why, String edits, String criteria, Boolean complete, String error) {
        PolicyExample example = new PolicyExample(why, CaseBuilder.MAPPER.readTree(edits),
                CaseBuilder.MAPPER.readValue(criteria, new TypeReference<Map<String, String>>() { }),
                complete);

        assertThat(RUNNER.verdictErrors(TestCatalogs.policy("carefirst-spravato"), example)).as(why).containsExactly(error);
    }

    @Test
    void anExampleWithoutACaseIsTheFilesExampleCase() {
        PolicyExample example = new PolicyExample("as written", null, Map.of("FAILED_TRIALS", "MET"), true);

        assertThat(RUNNER.verdictErrors(TestCatalogs.policy("carefirst-spravato"), example)).isEmpty();
    }

    @Test
    void checkingAPolicyCountsItsExamples() {
        Policy carefirst = TestCatalogs.policy("carefirst-spravato");

        assertThat(RUNNER.check(carefirst)).isEqualTo(carefirst.examples().size()).isGreaterThan(2);
    }

    @Test
    void everyPayerPolicyShipsExamples() {
        for (Policy latest : TestCatalogs.POLICIES.all()) {
            if (latest.criteria().none()) {
                continue;
            }
            for (Policy version : TestCatalogs.POLICIES.versions(latest.id())) {
                boolean original = List.of("esketamine-standard", "esketamine-augmented", "ketamine-iv-strict").contains(version.id());
                assertThat(original || version.examples().size() >= 2).as(version.id() + " " + version.version()).isTrue();
            }
        }
    }

    @Test
    void catalogRunsTheExamplesWhileLoading() {
        PolicyCatalog catalog = new PolicyCatalog(TestCatalogs.TEMPLATES, TestCatalogs.CODES, RUNNER);

        assertThat(catalog.all()).hasSize(TestCatalogs.POLICIES.all().size());
    }

    @TempDir
    Path dir;

    @Test
    void aFailingExampleStopsTheFileLoadingAndIsNamed() throws IOException {
        copy(Path.of("templates"), dir);
        Path file = dir.resolve("policies/cigna-spravato.yaml");
        String text = Files.readString(file);
        String wrong = text.replace("{\"name\": \"Rae Chen, MD\", \"npi\": \"1245319599\"}}}\n    criteria: {\"PRESCRIBER\": \"NOT_MET\"}",
                "{\"name\": \"Rae Chen, MD\", \"npi\": \"1245319599\"}}}\n    criteria: {\"PRESCRIBER\": \"MET\"}");
        assertThat(wrong).isNotEqualTo(text);
        Files.writeString(file, wrong);
        TemplatesProperties templates = new TemplatesProperties(dir);

        assertThatThrownBy(() -> new PolicyCatalog(templates, new DiagnosisCodes(templates), RUNNER))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("example 'psychiatric nurse practitioner with a consulting psychiatrist' failed")
                .hasMessageContaining("PRESCRIBER expected MET, got NOT_MET");
    }

    private static void copy(Path from, Path to) throws IOException {
        Folders.copy(from, to, Folders.YAML);
    }
}
