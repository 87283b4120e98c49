package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.Specialty;
import dev.authpack.casefile.Treatment;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.core.Icd10Code;
import dev.authpack.support.Folders;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped templates load with the contract's parameters; a bad edit stops loading with the file's path. */
class TemplateLoadingTest {

    private static final TemplatesProperties SHIPPED = new TemplatesProperties(Path.of("templates"));

    @TempDir
    Path dir;

    @Test
    void shippedPoliciesCarryTheContractsParameters() {
        PolicyCatalog catalog = new PolicyCatalog(SHIPPED, new DiagnosisCodes(SHIPPED));

        assertThat(catalog.all()).extracting(Policy::id)
                .containsExactlyInAnyOrder("esketamine-standard", "esketamine-augmented", "ketamine-iv-strict", "self-pay",
                        "cigna-spravato", "triples-esketamine", "qualchoice-spravato", "carefirst-spravato", "bcbsma-087",
                        "medical-mutual-spravato", "texas-medicaid-spravato", "aetna-ketamine-0938");
        Policy standard = catalog.find("esketamine-standard").orElseThrow();
        assertThat(standard.version()).isEqualTo("2026.1");
        assertThat(standard.treatments()).containsExactly(Treatment.ESKETAMINE);
        assertThat(standard.approval().toString()).isEqualTo("6 months");
        PolicyCriteria c = standard.criteria();
        assertThat(c.age().minAge()).isEqualTo(18);
        assertThat(c.diagnosis().diagnoses()).extracting(Icd10Code::value).containsExactly("F32.1", "F32.2", "F33.1", "F33.2");
        assertThat(c.severity().thresholds()).containsEntry(Instrument.PHQ9, 15).containsEntry(Instrument.MADRS, 28)
                .containsEntry(Instrument.HAMD17, 17).containsEntry(Instrument.QIDS_C16, 16).hasSize(4);
        assertThat(c.failedTrials()).isEqualTo(new TrialRule(2, 2, 6, true, new BigDecimal("25"), null, null));
        assertThat(c.prescriber().prescriberSpecialties()).containsExactly(Specialty.PSYCHIATRY, Specialty.PSYCHIATRIC_NP);
        assertThat(c.rems()).isTrue();
        assertThat(c.pdmp().pdmpWindowDays()).isEqualTo(30);
        assertThat(c.augmentation()).isNull();

        Policy augmented = catalog.find("esketamine-augmented").orElseThrow();
        assertThat(augmented.criteria().failedTrials())
                .isEqualTo(new TrialRule(2, 2, 8, true, new BigDecimal("25"), 5, new BigDecimal("80")));
        assertThat(augmented.criteria().augmentation()).isEqualTo(new AugmentationRule(1, 8, true, 8));
        assertThat(augmented.approval().toString()).isEqualTo("1 month");

        Policy strict = catalog.find("ketamine-iv-strict").orElseThrow();
        assertThat(strict.treatments()).containsExactlyInAnyOrder(Treatment.KETAMINE_IV, Treatment.ESKETAMINE);
        assertThat(strict.criteria().severity().thresholds()).containsOnlyKeys(Instrument.MADRS, Instrument.HAMD17);
        assertThat(strict.criteria().failedTrials().minFailedTrials()).isEqualTo(4);
        assertThat(strict.criteria().augmentation()).isEqualTo(new AugmentationRule(1, 6, false, null));
        assertThat(strict.criteria().prescriber().prescriberSpecialties()).containsExactly(Specialty.PSYCHIATRY);
        assertThat(strict.criteria().pdmp()).isNull();
        assertThat(strict.approval().toString()).isEqualTo("28 days");

        assertThat(catalog.find("self-pay").orElseThrow().criteria().none()).isTrue();
        assertThat(catalog.find("no-such-policy")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void drugCatalogFindsEveryFactsDrugCaseInsensitively() {
        DrugCatalog drugs = new DrugCatalog(SHIPPED);

        assertThat(drugs.all()).hasSize(31);
        assertThat(drugs.version()).isNotBlank();
        assertThat(drugs.find("Sertraline")).contains(new Drug("sertraline", DrugClass.SSRI, new BigDecimal("50")));
        assertThat(drugs.find(" LIOTHYRONINE ").orElseThrow().minDailyDoseMg()).isEqualByComparingTo("0.025");
        assertThat(drugs.find("zuranolone")).isEmpty();
    }

    @Test
    void codeTableDescribesEveryF32AndF33Code() {
        DiagnosisCodes codes = new DiagnosisCodes(SHIPPED);

        assertThat(codes.all()).hasSize(24);
        assertThat(codes.version()).isEqualTo("FY2026");
        assertThat(codes.describe(Icd10Code.of("f332"))).hasValueSatisfying(d -> assertThat(d).contains("recurrent"));
        assertThat(codes.psychotic(Icd10Code.of("F33.3"))).isTrue();
        assertThat(codes.psychotic(Icd10Code.of("F32.3"))).isTrue();
        assertThat(codes.psychotic(Icd10Code.of("F33.2"))).isFalse();
        assertThat(codes.describe(Icd10Code.of("F41.1"))).isEmpty();
    }

    /** Spanish estimates print the Spanish title; every shipped code has one, and English stays English. */
    @Test
    void everyCodeHasASpanishDescriptionForSpanishDocuments() {
        DiagnosisCodes codes = new DiagnosisCodes(SHIPPED);

        assertThat(codes.all()).allSatisfy(code -> assertThat(code.descriptionEs()).as(code.code().toString())
                .isNotBlank().isNotEqualTo(code.description()));
        assertThat(codes.describe(Icd10Code.of("F33.2"), Locale.forLanguageTag("es")))
                .hasValue("Trastorno depresivo mayor, recurrente, grave sin síntomas psicóticos");
        assertThat(codes.describe(Icd10Code.of("F33.2"), Locale.ENGLISH))
                .hasValue("Major depressive disorder, recurrent severe without psychotic features");
        assertThat(codes.describe(Icd10Code.of("F41.1"), Locale.forLanguageTag("es"))).isEmpty();
        assertThat(codes.describe(null, Locale.forLanguageTag("es"))).isEmpty();
    }

    @Test
    void codeWithoutASpanishDescriptionPrintsTheEnglishOneInSpanish() throws IOException {
        Files.createDirectories(dir.resolve("codes"));
        Files.writeString(dir.resolve(DiagnosisCodes.FILE), """
                version: "FY2026"
                codes:
                  - {code: F33.1, description: "Major depressive disorder, recurrent, moderate"}
                """);

        assertThat(new DiagnosisCodes(new TemplatesProperties(dir)).describe(Icd10Code.of("F33.1"),
                Locale.forLanguageTag("es"))).hasValue("Major depressive disorder, recurrent, moderate");
    }

    /** The Spanish member is read as strictly as the rest: a misspelling is named with its key and line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "misspelt Spanish key | 'descriptionEs: \"Trastorno depresivo mayor, recurrente, grave sin' | 'descripcionEs: \"Trastorno depresivo mayor, recurrente, grave sin' | at codes[12].descripcionEs: unknown key 'descripcionEs' (line 37)",
        "empty Spanish title  | 'descriptionEs: \"Trastorno depresivo mayor, recurrente, grave sin síntomas psicóticos\"' | 'descriptionEs: \"  \"' | at codes[12].descriptionEs: descriptionEs is empty: write the Spanish title or leave the key out (line 37)",
        "Spanish key, no text | 'descriptionEs: \"Trastorno depresivo mayor, recurrente, grave sin síntomas psicóticos\"' | 'descriptionEs:' | at codes[12].descriptionEs: descriptionEs is empty: write the Spanish title or leave the key out (line 37)",
    })
    void badSpanishDescriptionStopsLoadingWithKeyAndLine(String why, String from, String to, String problem)
            throws IOException {
        copyShipped();
        Path file = dir.resolve(DiagnosisCodes.FILE);
        String text = Files.readString(file);
        assertThat(text).containsOnlyOnce(from);
        Files.writeString(file, text.replace(from, to));

        assertThatThrownBy(() -> new DiagnosisCodes(new TemplatesProperties(dir)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(file + ": " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key          | 'pdmpWindowDays: 30'           | 'pdmpWindowDays: 30\n    pdmpWindowWeeks: 4' | unknown key 'pdmpWindowWeeks'",
        "missing version      | 'version: \"2026.1\"'          | ''                                     | version is required",
        "bad number           | 'minFailedTrials: 2'           | 'minFailedTrials: two'                 | minFailedTrials",
        "fraction for count   | 'minFailedTrials: 2'           | 'minFailedTrials: 2.5'                 | minFailedTrials",
        "negative window      | 'pdmpWindowDays: 30'           | 'pdmpWindowDays: -1'                   | pdmpWindowDays must be between 0",
        "unknown enum value   | 'treatments: [ESKETAMINE]'     | 'treatments: [SPRAVATO]'               | unknown value 'SPRAVATO'",
        "unknown specialty    | '[PSYCHIATRY, PSYCHIATRIC_NP]' | '[PSYCHIATRY, NURSE]'                  | unknown value 'NURSE'",
        "bad code             | 'F32.1, F32.2'                 | 'F32.1, depression'                    | ICD-10-CM",
        "code not in table    | 'F32.1, F32.2'                 | 'F32.1, F41.1'                         | F41.1 is not in the code table",
        "id not file name     | 'id: esketamine-standard'      | 'id: esketamine-basic'                 | must match the file name",
        "duplicate key        | 'rems: true'                   | 'rems: true\n  rems: false'            | rems",
        "bad approval         | 'approval: 6 months'           | 'approval: half a year'                | approval",
        "threshold too high   | 'PHQ9: 15'                     | 'PHQ9: 30'                             | thresholds.PHQ9 must be between 0 and 27",
        "unknown instrument   | 'PHQ9: 15'                     | 'PHQ10: 15'                            | unknown value 'PHQ10'",
        "negative age         | 'minAge: 18'                   | 'minAge: -1'                           | minAge must be between 0 and 150",
        "no treatment         | 'treatments: [ESKETAMINE]'     | 'treatments: []'                       | treatments needs at least one entry",
        "empty required value | 'severityWindowDays: 30'       | 'severityWindowDays:'                  | severityWindowDays is required",
        "not a boolean        | 'rems: true'                   | 'rems: yes please'                     | expected true or false",
        "percent over 100     | 'failureMaxImprovementPct: 25' | 'failureMaxImprovementPct: 101'        | failureMaxImprovementPct must be between -100 and 100",
        "broken YAML          | 'name: Esketamine'             | 'name: Esketamine: x'                  | not valid YAML",
        "zero approval        | 'approval: 6 months'           | 'approval: 0 days'                     | approval must be a positive amount",
        "misspelt required key| 'pdmpWindowDays: 30'           | 'pdmpWindowWeeks: 30'                  | at criteria.pdmp.pdmpWindowWeeks: unknown key 'pdmpWindowWeeks' (line 54)",
        "unknown top-level key| 'approval: 6 months'           | 'approvel: 6 months'                   | at approvel: unknown key 'approvel' (line 13)",
        "text for a section   | 'minAge: 18'                   | 'eighteen'                             | at criteria.age: expected a section with the keys minAge, maxAge, found the text 'eighteen' (line 18)",
        "two documents        | 'approval: 6 months'           | 'approval: 6 months\n---\nid: second'  | the file holds more than one YAML document (a second one starts here): keep one per file (line 15)",
    })
    void badPolicyFileStopsLoadingWithItsPath(String why, String from, String to, String problem) throws IOException {
        copyShipped();
        Path file = dir.resolve("policies/esketamine-standard.yaml");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to.replace("\\n", "\n")));

        assertThatThrownBy(() -> new PolicyCatalog(new TemplatesProperties(dir), new DiagnosisCodes(new TemplatesProperties(dir))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(problem);
    }

    @Test
    void duplicatePolicyIdStopsLoading() throws IOException {
        copyShipped();
        Path copy = dir.resolve("policies/esketamine-standard.yml");
        Files.copy(dir.resolve("policies/esketamine-standard.yaml"), copy);

        assertThatThrownBy(() -> new PolicyCatalog(new TemplatesProperties(dir), new DiagnosisCodes(new TemplatesProperties(dir))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("duplicate policy id 'esketamine-standard'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate drug    | '{name: fluvoxamine, drugClass: SSRI' | '{name: Sertraline, drugClass: SSRI' | at drugs[5].name: duplicate drug 'Sertraline' (first on line 14) (line 15)",
        "unknown class     | '{name: lithium, drugClass: LITHIUM'  | '{name: lithium, drugClass: SALT'    | unknown value 'SALT'",
        "zero dose         | 'minDailyDoseMg: 600'                 | 'minDailyDoseMg: 0'                  | minDailyDoseMg must be a positive number",
        "missing class     | '{name: lithium, drugClass: LITHIUM,' | '{name: lithium,'                    | drugClass is required",
    })
    void badDrugCatalogStopsLoadingWithItsPath(String why, String from, String to, String problem) throws IOException {
        copyShipped();
        Path file = dir.resolve(DrugCatalog.FILE);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));

        assertThatThrownBy(() -> new DrugCatalog(new TemplatesProperties(dir)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(problem);
    }

    @Test
    void duplicateCodeStopsLoadingWithItsPath() throws IOException {
        copyShipped();
        Path file = dir.resolve(DiagnosisCodes.FILE);
        Files.writeString(file, Files.readString(file).replace("{code: F33.9,", "{code: f332,"));

        assertThatThrownBy(() -> new DiagnosisCodes(new TemplatesProperties(dir)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageEndingWith(": at codes[18].code: duplicate code F33.2 (first on line 36) (line 48)");
    }

    /** A policies folder with nothing to load is an installation mistake, not "no payer criteria". */
    @Test
    void emptyPoliciesFolderStopsLoading() throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("README.txt"), "not a policy");

        assertThatThrownBy(() -> new PolicyCatalog(new TemplatesProperties(dir), new DiagnosisCodes(SHIPPED)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(policies + ": no policy files (*.yaml)");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> new DrugCatalog(new TemplatesProperties(dir)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(dir.resolve(DrugCatalog.FILE).toString())
                .hasMessageContaining("file not found");
    }

    private void copyShipped() throws IOException {
        Folders.copy(Path.of("templates"), dir, Folders.YAML);
    }
}
