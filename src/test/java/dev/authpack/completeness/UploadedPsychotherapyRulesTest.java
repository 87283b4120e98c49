package dev.authpack.completeness;

import static dev.authpack.completeness.TestCatalogs.find;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Psychotherapy rules that docs/policies.md offers and no shipped file combines, as an admin may
 * upload them: PSYCHOTHERAPY with a session minimum (with and without the "none available"
 * exemption), and the psychotherapy alternative of AUGMENTATION with a session minimum as well as
 * modalities and the current-episode rule. Each row edits sample 01 (CBT 2025-03-01 to 2025-07-01,
 * 14 sessions, episode from 2025-01-15, start date 2026-11-30).
 */
class UploadedPsychotherapyRulesTest {

    /** esketamine-standard plus PSYCHOTHERAPY of at least 8 sessions. */
    private static final Policy EIGHT_SESSIONS = upload("esketamine-standard", "  contraindications:",
            "  psychotherapy: {minPsychotherapySessions: 8}\n  contraindications:");

    /** As above, where the prescriber's note that none is available meets it instead. */
    private static final Policy EIGHT_OR_UNAVAILABLE = upload("esketamine-standard", "  contraindications:",
            "  psychotherapy: {minPsychotherapySessions: 8, unavailableExempts: true}\n  contraindications:");

    /** esketamine-augmented whose psychotherapy alternative also needs CBT or IPT in the current episode. */
    private static final Policy CBT_OR_IPT_IN_EPISODE = upload("esketamine-augmented", "    minPsychotherapySessions: 8\n",
            "    minPsychotherapySessions: 8\n    psychotherapyModalities: [CBT, IPT]\n    psychotherapyCurrentEpisode: true\n");

    private static Policy upload(String shipped, String anchor, String replacement) {
        try {
            String yaml = Files.readString(Path.of("templates/policies/" + shipped + ".yaml"));
            assertThat(yaml).contains(anchor);
            return TestCatalogs.POLICIES.parseUpload(yaml.replace(anchor, replacement)
                    .replaceFirst("\nversion: .*\n", "\nversion: \"2027.1\"\neffectiveFrom: 2020-01-01\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CriterionResult judge(Policy policy, String edits, CriterionId id) {
        CaseData data = CaseBuilder.complete().with(edits).data();
        return find(TestCatalogs.EVALUATOR.evaluate(data, policy, data.request().startDate()), id).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "14 sessions                 | '' | MET | 'CBT, 2025-03-01 to 2025-07-01, 14 sessions (8 sessions required)'",
        "exactly 8 sessions          | psychotherapy[0].sessions=8 | MET | 'CBT, 2025-03-01 to 2025-07-01, 8 sessions (8 sessions required)'",
        "7 sessions                  | psychotherapy[0].sessions=7 | NOT_MET | no course of 8 or more sessions (8 sessions required)",
        "sessions not recorded       | psychotherapy[0].sessions=null | NOT_MET | no course of 8 or more sessions (8 sessions required)",
        "no course at all            | psychotherapy=[] | MISSING | no psychotherapy course recorded",
    })
    void psychotherapyWithASessionMinimum(String why, String edits, CriterionStatus status, String detail) {
        CriterionResult result = judge(EIGHT_SESSIONS, edits, CriterionId.PSYCHOTHERAPY);

        assertThat(result.status()).as(why).isEqualTo(status);
        assertThat(result.detail()).as(why).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "short course, none available   | psychotherapy[0].sessions=3; request.psychotherapyUnavailable=true | MET | 'no course of 8 or more sessions, but the prescriber documents that no psychotherapy is available (the policy accepts this)'",
        "short course, no note          | psychotherapy[0].sessions=3 | NOT_MET | no course of 8 or more sessions (8 sessions required)",
        "enough sessions, none available | request.psychotherapyUnavailable=true | MET | 'CBT, 2025-03-01 to 2025-07-01, 14 sessions (8 sessions required)'",
    })
    void psychotherapyWithASessionMinimumOrNoneAvailable(String why, String edits, CriterionStatus status, String detail) {
        CriterionResult result = judge(EIGHT_OR_UNAVAILABLE, edits, CriterionId.PSYCHOTHERAPY);

        assertThat(result.status()).as(why).isEqualTo(status);
        assertThat(result.detail()).as(why).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "CBT of 14 sessions in the episode | '' | MET | 'psychotherapy instead of augmentation: CBT, 2025-03-01 to 2025-07-01, 14 sessions (8 or more sessions; modality CBT, IPT; in the current episode)' | psychotherapy: CBT, 2025-03-01 to 2025-07-01, 14 sessions",
        "7 sessions                        | psychotherapy[0].sessions=7 | NOT_MET | '0 qualifying augmentation trials, 1 required, and no psychotherapy course of 8 or more sessions; modality CBT, IPT; in the current episode' | 'psychotherapy: CBT, 2025-03-01 to 2025-07-01, 7 sessions; does not count: 7 sessions, 8 required'",
        "sessions not recorded             | psychotherapy[0].sessions=null | NOT_MET | '0 qualifying augmentation trials, 1 required, and no psychotherapy course of 8 or more sessions; modality CBT, IPT; in the current episode' | 'psychotherapy: CBT, 2025-03-01 to 2025-07-01, sessions not recorded; does not count: sessions not recorded (8 required)'",
        "ST is not listed here             | psychotherapy[0].modality=ST | NOT_MET | '0 qualifying augmentation trials, 1 required, and no psychotherapy course of 8 or more sessions; modality CBT, IPT; in the current episode' | 'psychotherapy: ST, 2025-03-01 to 2025-07-01, 14 sessions; does not count: modality ST is not one this policy accepts (CBT, IPT)'",
    })
    void augmentationByPsychotherapyWithSessionsModalityAndEpisode(String why, String edits, CriterionStatus status,
            String detail, String evidence) {
        CriterionResult result = judge(CBT_OR_IPT_IN_EPISODE, edits, CriterionId.AUGMENTATION);

        assertThat(result.status()).as(why).isEqualTo(status);
        assertThat(result.detail()).as(why).isEqualTo(detail);
        assertThat(result.evidence()).as(why).contains(evidence);
    }
}
