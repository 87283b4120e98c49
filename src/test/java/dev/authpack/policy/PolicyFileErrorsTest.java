package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authpack.casefile.Indication;
import dev.authpack.casefile.Instrument;
import dev.authpack.casefile.Phase;
import dev.authpack.casefile.Treatment;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplatesProperties;
import dev.authpack.content.YamlTemplates;
import dev.authpack.core.Icd10Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an administrator reads when an uploaded policy version is refused (docs/policies.md,
 * "Uploading a version without a restart"): one problem per mistake, each naming the key and its
 * line in the file as uploaded. Goes through {@link PolicyCatalog#parseUpload} on a small synthetic
 * file, so the whole strict reader is exercised without loading a catalog per row.
 */
class PolicyFileErrorsTest {

    /** The shipped catalog without its examples: only its code table matters to parseUpload. */
    private static final TemplatesProperties SHIPPED = new TemplatesProperties(Path.of("templates"));
    private static final PolicyCatalog CATALOG = new PolicyCatalog(SHIPPED, new DiagnosisCodes(SHIPPED));

    /** {@link #VALID}'s failedTrials section, whole. */
    private static final String TRIALS = """
              failedTrials:
                minFailedTrials: 2
                minDistinctClasses: 2
                minWeeksPerTrial: 6
                requireCurrentEpisode: true
                failureMaxImprovementPct: 25
            """;

    /** Synthetic; the line numbers in the tables below count from its first line. */
    private static final String VALID = """
            id: synthetic-upload
            version: "2027.1"
            effectiveFrom: 2027-01-01
            name: Synthetic upload policy
            source: Synthetic test data
            treatments: [ESKETAMINE]
            approval: 6 months
            criteria:
              treatment: true
              age:
                minAge: 18
              diagnosis:
                diagnoses: [F32.1, F33.2]
              severity:
                severityWindowDays: 30
                thresholds:
                  PHQ9: 15
            """ + TRIALS + """
              contraindications:
                bpSystolicLimit: 140
                bpDiastolicLimit: 90
                bpWindowDays: 30
              pdmp:
                pdmpWindowDays: 30
              reauthResponse:
                reauthMinImprovementPct: 50
            """;

    /**
     * Each row edits {@link #VALID}; expected: the problems as the upload's answer and the start-up
     * log show them, "at key: message (line n)" joined by "; ", unknown keys first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        misspelt required key names both      | pdmpWindowDays: 30            | pdmpWindowWeeks: 30                        | at criteria.pdmp.pdmpWindowWeeks: unknown key 'pdmpWindowWeeks' (line 29); at criteria.pdmp.pdmpWindowDays: pdmpWindowDays is required (line 28)
        extra unknown key is named once       | pdmpWindowDays: 30            | pdmpWindowDays: 30\\n    pdmpWindowWeeks: 4 | at criteria.pdmp.pdmpWindowWeeks: unknown key 'pdmpWindowWeeks' (line 30)
        unknown key of an indication          | approval: 6 months            | approval: 6 months\\nindications:\\n  TRD:\\n    aproval: 1 month | at indications.TRD.aproval: unknown key 'aproval' (line 10)
        unknown top-level key                 | approval: 6 months            | approvel: 6 months                         | at approvel: unknown key 'approvel' (line 7)
        left-out required key at its section  | requireCurrentEpisode: true   | ''                                         | at criteria.failedTrials.requireCurrentEpisode: requireCurrentEpisode is required (true or false) (line 18)
        unknown instrument points at it       | PHQ9: 15                      | PHQ10: 15                                  | at criteria.severity.thresholds.PHQ10: unknown value 'PHQ10', expected one of [PHQ9, MADRS, HAMD17, QIDS_C16, BDI2] (line 17)
        unknown treatment in a list           | treatments: [ESKETAMINE]      | treatments: [SPRAVATO]                     | at treatments[0]: unknown value 'SPRAVATO', expected one of [ESKETAMINE, KETAMINE_IV] (line 6)
        second list entry is indexed          | treatments: [ESKETAMINE]      | treatments: [ESKETAMINE, SPRAVATO]         | at treatments[1]: unknown value 'SPRAVATO', expected one of [ESKETAMINE, KETAMINE_IV] (line 6)
        number too large                      | minAge: 18                    | minAge: 99999999999999999999               | at criteria.age.minAge: 99999999999999999999 is too large (line 11)
        number too small                      | minAge: 18                    | minAge: -99999999999999999999              | at criteria.age.minAge: -99999999999999999999 is too small (line 11)
        word for a whole number               | minFailedTrials: 2            | minFailedTrials: two                       | at criteria.failedTrials.minFailedTrials: bad value 'two' (expected a whole number) (line 19)
        word for a percentage                 | failureMaxImprovementPct: 25  | failureMaxImprovementPct: lots             | at criteria.failedTrials.failureMaxImprovementPct: bad value 'lots' (expected a number) (line 23)
        impossible date                       | effectiveFrom: 2027-01-01     | effectiveFrom: 2027-02-30                  | at effectiveFrom: bad value '2027-02-30' (expected a date such as 2027-01-31) (line 3)
        text for a list                       | treatments: [ESKETAMINE]      | treatments: ESKETAMINE                     | at treatments: expected a list, found the text 'ESKETAMINE' (line 6)
        list for a section of keys            | PHQ9: 15                      | - PHQ9                                     | at criteria.severity.thresholds: expected a section of keys, found a list (line 16)
        list for a text                       | name: Synthetic upload policy | name: [a, b]                               | at name: expected a text, found a list (line 4)
        list for an enum                      | treatments: [ESKETAMINE]      | treatments: [[ESKETAMINE]]                 | at treatments[0]: expected one of [ESKETAMINE, KETAMINE_IV], found a list (line 6)
        list for a code                       | diagnoses: [F32.1, F33.2]     | diagnoses: [[F32.1]]                       | at criteria.diagnosis.diagnoses[0]: expected an ICD-10-CM code such as F33.2, found a list (line 13)
        empty age section                     | minAge: 18                    | {}                                         | at criteria.age.minAge: minAge or maxAge is required (line 10)
        long text is shortened                | age:\\n    minAge: 18          | age: LONG61                                | at criteria.age: expected a section with the keys minAge, maxAge, found the text 'X57...' (line 10)
        text of 60 characters is whole        | age:\\n    minAge: 18          | age: LONG60                                | at criteria.age: expected a section with the keys minAge, maxAge, found the text 'X60' (line 10)
        number for a section                  | age:\\n    minAge: 18          | age: 18                                    | at criteria.age: expected a section with the keys minAge, maxAge, found the number 18 (line 10)
        true for a section                    | age:\\n    minAge: 18          | age: true                                  | at criteria.age: expected a section with the keys minAge, maxAge, found the value true (line 10)
        age above its range                   | minAge: 18                    | minAge: 151                                | at criteria.age.minAge: minAge must be between 0 and 150, not 151 (line 11)
        bounds the wrong way round            | minAge: 18                    | minAge: 65\\n    maxAge: 64                | at criteria.age.minAge: minAge 65 is above maxAge 64 (line 11)
        percentage above 100                  | reauthMinImprovementPct: 50   | reauthMinImprovementPct: 100.01            | at criteria.reauthResponse.reauthMinImprovementPct: reauthMinImprovementPct must be between 0 and 100, not 100.01 (line 31)
        percentage below its minimum          | reauthMinImprovementPct: 50   | reauthMinImprovementPct: -0.5              | at criteria.reauthResponse.reauthMinImprovementPct: reauthMinImprovementPct must be between 0 and 100, not -0.5 (line 31)
        adherence above 100                   | failureMaxImprovementPct: 25  | failureMaxImprovementPct: 25\\n    minAdherencePct: 100.5 | at criteria.failedTrials.minAdherencePct: minAdherencePct must be between 0 and 100, not 100.5 (line 24)
        failure rule left out                 | failureMaxImprovementPct: 25  | ''                                         | at criteria.failedTrials.failureMaxImprovementPct: failureMaxImprovementPct is required (line 18)
        more classes than trials              | minDistinctClasses: 2         | minDistinctClasses: 3                      | at criteria.failedTrials.minDistinctClasses: minDistinctClasses 3 cannot exceed minFailedTrials 2 (line 20)
        instrument twice                      | PHQ9: 15                      | PHQ9: 15\\n    anyScoreOf: [PHQ9]          | at criteria.severity: PHQ9 is both in thresholds and in anyScoreOf (line 14)
        treatment covered and refused         | approval: 6 months            | approval: 6 months\\nnotCovered: {ESKETAMINE: not paid} | at notCovered.ESKETAMINE: ESKETAMINE is both in treatments and in notCovered (line 8)
        unknown treatment as a key            | approval: 6 months            | approval: 6 months\\nnotCovered:\\n  SPRAVATO: not paid | at notCovered.SPRAVATO: unknown value 'SPRAVATO', expected one of [ESKETAMINE, KETAMINE_IV] (line 9)
        id not lower-case words               | id: synthetic-upload          | id: Synthetic_Upload                       | at id: id 'Synthetic_Upload' must be lower-case words joined by '-' (line 1)
        id longer than its column             | id: synthetic-upload          | id: ID201                                  | at id: id must be at most 200 characters, not 201 (line 1)
        version longer than its column        | version: "2027.1"             | version: "VERSION41"                       | at version: version must be at most 40 characters, not 41 (line 2)
        name longer than lists show           | name: Synthetic upload policy | name: NAME201                              | at name: name must be at most 200 characters, not 201 (line 4)
        code missing from the table           | diagnoses: [F32.1, F33.2]     | diagnoses: [F32.1, f332, F41.1]            | at criteria.diagnosis.diagnoses[2]: diagnosis code F41.1 is not in the code table (templates/codes/): add it there first (line 13)
        code missing under an indication      | approval: 6 months            | approval: 6 months\\nindications:\\n  MDSI:\\n    criteria:\\n      diagnosis:\\n        diagnoses: [F33.2, F41.1] | at indications.MDSI.criteria.diagnosis.diagnoses[1]: diagnosis code F41.1 is not in the code table (templates/codes/): add it there first (line 12)
        misspelt required key of an indication | approval: 6 months           | approval: 6 months\\nindications:\\n  TRD:\\n    criteria:\\n      pdmp:\\n        pdmpWindowWeeks: 3 | at indications.TRD.criteria.pdmp.pdmpWindowWeeks: unknown key 'pdmpWindowWeeks' (line 12); at indications.TRD.criteria.pdmp.pdmpWindowDays: pdmpWindowDays is required (line 11)
        augmentation without its switch       | failureMaxImprovementPct: 25  | failureMaxImprovementPct: 25\\n  augmentation:\\n    minAugmentationTrials: 1\\n    minAugmentationWeeks: 6 | at criteria.augmentation.augmentationOrPsychotherapy: augmentationOrPsychotherapy is required (true or false) (line 24)
        sessions without psychotherapy       | failureMaxImprovementPct: 25  | failureMaxImprovementPct: 25\\n  augmentation:\\n    minAugmentationTrials: 1\\n    minAugmentationWeeks: 6\\n    augmentationOrPsychotherapy: false\\n    minPsychotherapySessions: 8 | at criteria.augmentation.minPsychotherapySessions: minPsychotherapySessions only applies when augmentationOrPsychotherapy is true (line 28)
        augmentation where trials are dropped | approval: 6 months            | approval: 6 months\\nindications:\\n  MDSI:\\n    criteria:\\n      augmentation: {minAugmentationTrials: 1, minAugmentationWeeks: 6, augmentationOrPsychotherapy: false} | at indications.MDSI.criteria.augmentation: augmentation needs a failedTrials section: augmentation trials qualify by its rules (line 11)
        augmentation without trials           | failedTrials:\\n    minFailedTrials: 2\\n    minDistinctClasses: 2\\n    minWeeksPerTrial: 6\\n    requireCurrentEpisode: true\\n    failureMaxImprovementPct: 25 | augmentation:\\n    minAugmentationTrials: 1\\n    minAugmentationWeeks: 6\\n    augmentationOrPsychotherapy: false | at criteria.augmentation: augmentation needs a failedTrials section: augmentation trials qualify by its rules (line 18)
        prior esketamine without its number   | reauthMinImprovementPct: 50   | reauthMinImprovementPct: 50\\n  priorEsketamine: {} | at criteria.priorEsketamine.improvementAbovePct: improvementAbovePct is required (line 32)
        prior esketamine below -100           | reauthMinImprovementPct: 50   | reauthMinImprovementPct: 50\\n  priorEsketamine:\\n    improvementAbovePct: -101 | at criteria.priorEsketamine.improvementAbovePct: improvementAbovePct must be between -100 and 100, not -101 (line 33)
        key written twice                     | treatment: true               | treatment: true\\n  treatment: false       | at criteria.treatment: key 'treatment' is written twice (first on line 9) (line 10)
        """)
    void refusedUploadNamesEachProblemWithKeyAndLine(String why, String from, String to, String expected) {
        String original = from.replace("\\n", "\n");
        String edited = long201And41(to.replace("\\n", "\n").replace("LONG61", "x".repeat(61)).replace("LONG60", "x".repeat(60)));
        assertThat(VALID).contains(original);

        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> CATALOG.parseUpload(VALID.replace(original, edited)));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem()).isEqualTo(expected.replace("X57", "x".repeat(57)).replace("X60", "x".repeat(60)));
    }

    /** The bounds docs/policies.md gives are inclusive: a value exactly on one loads. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        oldest minimum age                    | minAge: 18                    | minAge: 150
        youngest minimum age                  | minAge: 18                    | minAge: 0
        one age for both bounds               | minAge: 18                    | minAge: 64\\n    maxAge: 64
        full improvement for reauthorization  | reauthMinImprovementPct: 50   | reauthMinImprovementPct: 100
        no improvement for reauthorization    | reauthMinImprovementPct: 50   | reauthMinImprovementPct: 0
        any adherence                         | failureMaxImprovementPct: 25  | failureMaxImprovementPct: 25\\n    minAdherencePct: 0
        perfect adherence                     | failureMaxImprovementPct: 25  | failureMaxImprovementPct: 25\\n    minAdherencePct: 100
        as many classes as trials             | minDistinctClasses: 2         | minDistinctClasses: 2
        no number for the failure rule        | failureMaxImprovementPct: 25  | anyInadequateResponse: true
        version as long as its column         | version: "2027.1"             | version: "VERSION40"
        name as long as lists show            | name: Synthetic upload policy | name: NAME200
        """)
    void valueOnItsBoundLoads(String why, String from, String to) {
        assertThat(CATALOG.parseUpload(VALID.replace(from, long201And41(to.replace("\\n", "\n")))).id())
                .isEqualTo("synthetic-upload");
    }

    /** Like a single-version shipped file, an upload may leave out effectiveFrom: it is in force from the beginning. */
    @Test
    void anUploadWithoutEffectiveFromLoadsInForceFromTheBeginning() {
        Policy policy = CATALOG.parseUpload(VALID.replace("effectiveFrom: 2027-01-01\n", ""));

        assertThat(policy.effectiveFrom()).isNull();
        assertThat(PolicyVersions.inForce(List.of(policy), LocalDate.of(1900, 1, 1))).isSameAs(policy);
    }

    /** An id as long as its column loads. */
    @Test
    void idAsLongAsItsColumnLoads() {
        String id = "a".repeat(Policy.MAX_ID);

        assertThat(CATALOG.parseUpload(VALID.replace("id: synthetic-upload", "id: " + id)).id()).isEqualTo(id);
    }

    /** The tables' placeholders for values too long to write out: ID201, VERSION40, VERSION41, NAME200, NAME201. */
    private static String long201And41(String s) {
        return s.replace("NAME200", "N".repeat(200)).replace("NAME201", "N".repeat(201)).replace("ID201", "a".repeat(201)).replace("VERSION40", "9".repeat(40)).replace("VERSION41", "9".repeat(41));
    }

    /**
     * The limits are the sizes of the columns an id and a version are stored in (cases, documents,
     * policy_uploads): a migration that narrows one must lower the limit too.
     */
    @Test
    void theIdAndVersionLimitsFitEveryColumnTheyAreStoredIn() throws IOException {
        Map<String, Integer> widest = new TreeMap<>();
        try (var migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path sql : migrations.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher column = Pattern.compile("(?m)^\\s*(policy_id|policy_version|version)\\s+VARCHAR\\((\\d+)\\)")
                        .matcher(Files.readString(sql));
                while (column.find()) {
                    widest.merge(sql.getFileName() + " " + column.group(1), Integer.parseInt(column.group(2)), Math::min);
                }
            }
        }

        assertThat(widest).containsKeys("V1__clinics_users_cases_audit.sql policy_id",
                "V2__documents_attachments.sql policy_id", "V2__documents_attachments.sql policy_version",
                "V80__policy_uploads.sql policy_id", "V80__policy_uploads.sql version");
        widest.forEach((column, size) -> assertThat(size).as(column)
                .isGreaterThanOrEqualTo(column.contains("version") ? Policy.MAX_VERSION : Policy.MAX_ID));
    }

    /** A section's optional keys left out mean what docs/policies.md says they default to. */
    @Test
    void leftOutChoicesTakeTheirDocumentedDefaults() {
        Policy policy = CATALOG.parseUpload(VALID);
        ContraindicationRule contraindications = policy.criteria().contraindications();
        assertThat(contraindications.psychosis()).isEqualTo(PsychosisScreen.EXCLUDED);
        assertThat(contraindications.substanceUse()).isEqualTo(SubstanceUseScreen.ACTIVE_EXCLUDED);
        assertThat(contraindications.pregnancy()).isEqualTo(Screen.CHECKED);
        assertThat(contraindications.hypersensitivity()).isEqualTo(Screen.NOT_CHECKED);
        assertThat(contraindications.excludedConcurrentTherapies()).isEmpty();
        assertThat(contraindications.original()).isTrue();
        TrialRule trials = policy.criteria().failedTrials();
        assertThat(trials.intoleranceCounts()).isTrue();
        assertThat(trials.durationComparison()).isEqualTo(Comparison.AT_LEAST);
        assertThat(policy.criteria().severity().thresholdComparison()).isEqualTo(Comparison.AT_LEAST);
        assertThat(policy.criteria().none()).isFalse();
        assertThat(policy.covers(Treatment.ESKETAMINE)).isTrue();
        assertThat(policy.covers(Treatment.KETAMINE_IV)).isFalse();
        assertThat(policy.covers((Treatment) null)).isFalse();
        assertThat(policy.criteria().diagnosis().accepts(Icd10Code.of("F33.2"))).isTrue();
        assertThat(policy.criteria().diagnosis().accepts(Icd10Code.of("F33.1"))).isFalse();
        assertThat(policy.criteria().severity().counts(Instrument.PHQ9)).isTrue();
        assertThat(policy.criteria().severity().counts(Instrument.MADRS)).isFalse();
    }

    /** Choices written in the file are kept, not replaced by the defaults. */
    @Test
    void writtenChoicesAreKept() {
        Policy policy = CATALOG.parseUpload(VALID
                .replace("bpWindowDays: 30", "bpWindowDays: 30\n    psychosis: ALLOWED_WITH_ATTESTATION\n"
                        + "    pregnancy: NOT_CHECKED\n    hypersensitivity: CHECKED\n    excludedConcurrentTherapies: [ECT]")
                .replace("failureMaxImprovementPct: 25", "failureMaxImprovementPct: 25\n    intoleranceCounts: false\n"
                        + "  augmentation:\n    minAugmentationTrials: 1\n    minAugmentationWeeks: 8\n"
                        + "    augmentationOrPsychotherapy: true\n    minPsychotherapySessions: 8\n"
                        + "    psychotherapyModalities: [cbt]\n    augmentationDurationComparison: GREATER_THAN\n"
                        + "    augmentationCurrentEpisode: false\n    augmentationLookbackYears: 3\n"
                        + "    augmentationIntoleranceCounts: true"));
        ContraindicationRule contraindications = policy.criteria().contraindications();
        assertThat(contraindications.psychosis()).isEqualTo(PsychosisScreen.ALLOWED_WITH_ATTESTATION);
        assertThat(contraindications.pregnancy()).isEqualTo(Screen.NOT_CHECKED);
        assertThat(contraindications.hypersensitivity()).isEqualTo(Screen.CHECKED);
        assertThat(contraindications.excludedConcurrentTherapies()).hasSize(1);
        assertThat(contraindications.original()).isFalse();
        assertThat(policy.criteria().failedTrials().intoleranceCounts()).isFalse();
        AugmentationRule augmentation = policy.criteria().augmentation();
        // modalities compare case-insensitively: stored upper-case
        assertThat(augmentation.psychotherapyModalities()).containsExactly("CBT");
        // each augmentation key overrides the failedTrials rule of the same name (current episode true, no lookback, intolerance false there)
        TrialStandard standard = augmentation.standard(policy.criteria().failedTrials());
        assertThat(standard.durationComparison()).isEqualTo(Comparison.GREATER_THAN);
        assertThat(standard.requireCurrentEpisode()).isFalse();
        assertThat(standard.lookbackYears()).isEqualTo(3);
        assertThat(standard.intoleranceCounts()).isTrue();
    }

    /** In a list of sections (the drug catalog's drugs) a misspelt required key is named with the entry's index, before the key it left out. */
    @Test
    void misspeltKeyOfAListEntryNamesTheEntry() {
        String catalog = """
                version: "2027.1"
                drugs:
                  - {name: drug-a, drugClass: SSRI, minDailyDoseMg: 50}
                  - {name: drug-b, drugClas: SNRI, minDailyDoseMg: 75}
                """;

        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> YamlTemplates.parse(Path.of("catalog.yaml"), catalog, DrugCatalogFile.class, null));

        assertThat(e.problem()).isEqualTo("at drugs[1].drugClas: unknown key 'drugClas' (line 4); "
                + "at drugs[1].drugClass: drugClass is required for drug-b (line 4)");
    }

    /**
     * An indication's sections replace the policy's; under MDSI the treatment-resistance sections
     * are dropped, and an indication the policy does not cover is judged as TRD (docs/policies.md).
     */
    @Test
    void indicationSectionsAreLaidOverThePolicysCriteria() {
        Policy policy = CATALOG.parseUpload(VALID.replace("approval: 6 months", """
                approval: 6 months
                notCovered: {KETAMINE_IV: synthetic reason}
                indications:
                  TRD: {}
                  MDSI:
                    approval: 1 month
                    reauthorizationApproval: 28 days
                    criteria:
                      rems: true
                      pdmp: {pdmpWindowDays: 7}"""));

        PolicyCriteria trd = policy.criteriaFor(Indication.TRD);
        assertThat(trd.pdmp().pdmpWindowDays()).isEqualTo(30);
        assertThat(trd.failedTrials()).isNotNull();
        assertThat(trd.severity()).isNotNull();
        assertThat(trd.treatment()).isTrue();
        assertThat(trd.rems()).isFalse();
        PolicyCriteria mdsi = policy.criteriaFor(Indication.MDSI);
        assertThat(mdsi.pdmp().pdmpWindowDays()).isEqualTo(7);
        assertThat(mdsi.age().minAge()).isEqualTo(18);
        assertThat(mdsi.failedTrials()).isNull();
        assertThat(mdsi.severity()).isNull();
        assertThat(mdsi.treatment()).isTrue();
        assertThat(mdsi.rems()).isTrue();
        assertThat(policy.judgesIndication()).isTrue();
        assertThat(policy.covers(Indication.MDSI)).isTrue();
        assertThat(CATALOG.parseUpload(VALID).covers(Indication.MDSI)).isFalse();
        assertThat(CATALOG.parseUpload(VALID).approvalFor(Indication.MDSI, Phase.INITIAL)).hasToString("6 months");

        assertThat(policy.approvalFor(Indication.TRD, Phase.INITIAL)).hasToString("6 months");
        assertThat(policy.approvalFor(Indication.MDSI, Phase.INITIAL)).hasToString("1 month");
        assertThat(policy.approvalFor(Indication.MDSI, Phase.REAUTHORIZATION)).hasToString("28 days");
        assertThat(policy.notCoveredReason(Treatment.KETAMINE_IV)).isEqualTo("synthetic reason");
        assertThat(policy.notCoveredReason(Treatment.ESKETAMINE)).isNull();
        assertThat(policy.notCoveredReason(null)).isNull();
    }

    /**
     * A shipped file is read like an upload: augmentation without failed trials to qualify by is
     * named where the augmentation section is written, here an indication's, with its line.
     */
    @Test
    void shippedFileWithAnIndicationsAugmentationButNoTrialsNamesThatSectionAndLine(@TempDir Path dir)
            throws IOException {
        Path file = Files.createDirectories(dir.resolve("policies")).resolve("synthetic-upload.yaml");
        Files.writeString(file, VALID.replace(TRIALS, "").replace("approval: 6 months\n", """
                approval: 6 months
                indications:
                  TRD:
                    criteria:
                      augmentation: {minAugmentationTrials: 1, minAugmentationWeeks: 6, augmentationOrPsychotherapy: false}
                """));

        assertThatThrownBy(() -> new PolicyCatalog(new TemplatesProperties(dir), new DiagnosisCodes(SHIPPED)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(file + ": at indications.TRD.criteria.augmentation: augmentation needs a failedTrials"
                        + " section: augmentation trials qualify by its rules (line 11)");
    }

    /** docs/policies.md, "Examples": a file whose example fails stops start-up with the file and the example's words. */
    @Test
    void failingExampleStopsLoadingNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("policies")).resolve("synthetic-upload.yaml");
        Files.writeString(file, VALID);
        PolicyExampleCheck failing = policy -> {
            throw new IllegalArgumentException("example 'synthetic' failed: AGE expected MET, got NOT_MET");
        };

        assertThatThrownBy(() -> new PolicyCatalog(new TemplatesProperties(dir), new DiagnosisCodes(SHIPPED), failing))
                .isInstanceOf(TemplateException.class)
                .hasMessage(file + ": example 'synthetic' failed: AGE expected MET, got NOT_MET");
        assertThat(new PolicyCatalog(new TemplatesProperties(dir), new DiagnosisCodes(SHIPPED), policy -> 1)
                .find("synthetic-upload")).isPresent();
    }
}
