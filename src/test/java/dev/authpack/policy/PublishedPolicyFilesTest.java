package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.casefile.DrugClass;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.casefile.Indication;
import dev.authpack.casefile.Instrument;
import dev.authpack.support.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published policy files load with the readings they document; bad uses of the new keys stop loading. */
class PublishedPolicyFilesTest {

    private static final TemplatesProperties SHIPPED = new TemplatesProperties(Path.of("templates"));

    @TempDir
    Path dir;

    @Test
    void publishedPoliciesCarryTheirReadings() {
        PolicyCatalog catalog = new PolicyCatalog(SHIPPED, new DiagnosisCodes(SHIPPED));

        Policy qualchoice = catalog.find("qualchoice-spravato").orElseThrow();
        assertThat(qualchoice.criteria().severity().thresholdComparison()).isEqualTo(Comparison.GREATER_THAN);
        assertThat(qualchoice.criteria().failedTrials().standard().minDays()).isEqualTo(29);
        assertThat(qualchoice.criteria().failedTrials().onlyClasses()).containsExactlyInAnyOrder(DrugClass.SSRI,
                DrugClass.SNRI, DrugClass.TCA, DrugClass.BUPROPION, DrugClass.MIRTAZAPINE);
        assertThat(qualchoice.criteria().age().maxAge()).isEqualTo(64);
        assertThat(qualchoice.criteriaFor(Indication.MDSI).failedTrials()).isNull();
        assertThat(qualchoice.criteriaFor(Indication.MDSI).concurrentAntidepressant().minStableDays()).isEqualTo(14);

        Policy carefirst = catalog.find("carefirst-spravato").orElseThrow();
        assertThat(carefirst.criteria().severity().anyScoreOf()).containsExactlyInAnyOrder(Instrument.BDI2,
                Instrument.HAMD17, Instrument.MADRS);
        TrialStandard augmentation = carefirst.criteria().augmentation().standard(carefirst.criteria().failedTrials());
        assertThat(augmentation.requireCurrentEpisode()).isFalse();
        assertThat(augmentation.lookbackYears()).isEqualTo(5);
        assertThat(augmentation.onlyClasses()).contains(DrugClass.MAOI).doesNotContain(DrugClass.BUSPIRONE);

        assertThat(catalog.versions("texas-medicaid-spravato")).extracting(Policy::effectiveFrom).containsExactly(
                LocalDate.of(2019, 10, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 10, 1));
        assertThat(catalog.inForce("texas-medicaid-spravato", LocalDate.of(2025, 4, 30)).orElseThrow().version())
                .isEqualTo("2021.01");
        assertThat(catalog.find("texas-medicaid-spravato").orElseThrow().version()).isEqualTo("2025.10");
        assertThat(catalog.find("aetna-ketamine-0938").orElseThrow().treatments()).isEmpty();
        assertThat(catalog.find("esketamine-standard").orElseThrow().judgesIndication()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "window twice          | cigna-spravato.yaml     | 'pdmpWindow: ANY_DATE'              | 'pdmpWindow: ANY_DATE\n    pdmpWindowDays: 30'       | give pdmpWindowDays or pdmpWindow, not both",
        "episode pdmp window   | cigna-spravato.yaml     | 'pdmpWindow: ANY_DATE'              | 'pdmpWindow: CURRENT_EPISODE'                         | pdmpWindow can only be ANY_DATE",
        "failure rule twice    | triples-esketamine.yaml | 'anyInadequateResponse: true'       | 'anyInadequateResponse: true\n    failureMaxImprovementPct: 25' | not both",
        "no failure rule       | triples-esketamine.yaml | 'anyInadequateResponse: true'       | 'anyInadequateResponse: false'                        | failureMaxImprovementPct is required",
        "abstinence misplaced  | triples-esketamine.yaml | 'substanceUse: REMISSION_WITH_ABSTINENCE' | 'substanceUse: TREATED_ALLOWED'                 | abstinenceDays only applies",
        "unknown comparison    | qualchoice-spravato.yaml | 'thresholdComparison: GREATER_THAN' | 'thresholdComparison: ABOVE'                          | unknown value 'ABOVE'",
        "unknown indication    | qualchoice-spravato.yaml | '  MDSI: {}'                        | '  PPD: {}'                                           | PPD",
        "bp limits not checked | cigna-spravato.yaml     | 'bloodPressure: NOT_CHECKED'        | 'bloodPressure: NOT_CHECKED\n    bpWindowDays: 30'     | blood pressure limits only apply",
        "enrolment without rems | bcbsma-087.yaml        | 'rems: true'                        | 'remsPatientEnrolment: true'                          | remsPatientEnrolment needs rems: true",
        "no treatments, no reason | aetna-ketamine-0938.yaml | 'notCovered:'                    | 'notCoveredx:'                                        | treatments needs at least one entry",
        "bad example status    | cigna-spravato.yaml     | 'criteria: {\"PDMP\": \"MISSING\"}'   | 'criteria: {\"PDMP\": \"ABSENTISH\"}'                   | must be MET, NOT_MET, MISSING or ABSENT",
        "version file name     | texas-medicaid-spravato/2025-05-01.yaml | 'effectiveFrom: 2025-05-01' | 'effectiveFrom: 2025-05-02'                    | must match the file name",
        "duplicate version     | texas-medicaid-spravato/2025-05-01.yaml | 'version: \"2025.05\"'     | 'version: \"2021.01\"'                           | duplicate version '2021.01'",
    })
    void badUseOfTheNewKeysStopsLoadingWithItsPath(String why, String name, String from, String to, String problem)
            throws IOException {
        copyShipped();
        Path file = dir.resolve("policies/" + name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to.replace("\\n", "\n")));
        TemplatesProperties templates = new TemplatesProperties(dir);

        assertThatThrownBy(() -> new PolicyCatalog(templates, new DiagnosisCodes(templates)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(problem);
    }

    private void copyShipped() throws IOException {
        Folders.copy(Path.of("templates"), dir, Folders.YAML);
    }
}
