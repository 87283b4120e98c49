package dev.authpack.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.appeal.EvidencePages.Section;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The appeal letter's own rules, without a PDF: which criteria a denial's wording names (those are
 * answered first), on which pages of the enclosed packet each criterion's evidence is, and when the
 * letter may say the appeal is within its period.
 */
class AppealWordingRulesTest {

    @ParameterizedTest(name = "''{0}'' names {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Insufficient documentation of failed antidepressant trials | FAILED_TRIALS     | true
            PHQ-9 score below threshold                                | SEVERITY          | true
            HAM-D not documented                                       | SEVERITY          | true
            HAMD below 20                                              | SEVERITY          | true
            Patient under age                                          | AGE               | true
            Patient under the stated ages                              | AGE               | false
            Prescriber not REMS certified                              | REMS              | true
            Prescriber not REMSX listed                                | REMS              | false
            Service not covered under plan                             | TREATMENT         | true
            Nothing about trials here                                  | PSYCHOTHERAPY     | false
            No CBT course documented                                   | PSYCHOTHERAPY     | true
            ''                                                         | FAILED_TRIALS     | false
            '   '                                                      | FAILED_TRIALS     | false
            null                                                       | FAILED_TRIALS     | false
            retrial pending                                            | FAILED_TRIALS     | false
            """)
    void aDenialNamesACriterionByTheWordsAReviewerUsesForItAtTheStartOfAWord(String reason, String id, boolean named) {
        assertThat(DenialMentions.names(reason, id, "unused label")).isEqualTo(named);
    }

    @ParameterizedTest(name = "''{0}'' names a new criterion labelled ''{1}'': {2}")
    @CsvSource(delimiter = '|', textBlock = """
            No ECG on file                         | Baseline ECG within 90 days   | false
            Baseline cardiac workup missing        | Baseline ECG within 90 days   | true
            Within limits                          | Baseline ECG within 90 days   | true
            Sleep study (a+b) absent               | Sleep study (a+b) on file     | true
            Slept badly                            | Sleep study (a+b) on file     | false
            Study missing                          | Sleep study (a+b) on file     | true
            File missing                           | Sleep study (a+b) on file     | false
            """)
    void aCriterionALaterPolicyAddedIsNamedByTheLongerWordsOfItsLabel(String reason, String label, boolean named) {
        assertThat(DenialMentions.names(reason, "NEW_CRITERION", label)).isEqualTo(named);
    }

    @ParameterizedTest(name = "label ''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Baseline ECG within 90 days | baseline,within
            Sleep study (a+b)           | sleep,study
            """)
    void theLabelsWordsOfFiveLettersOrMoreAreItsStemsTakenLiterally(String label, String words) {
        List<String> expected = Arrays.stream(words.split(",")).map(java.util.regex.Pattern::quote).toList();
        assertThat(DenialMentions.stems("NEW_CRITERION", label)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            3            | 3
            3,4          | 3–4
            3,5,6,7      | 3, 5–7
            1,2,3,5,7,8  | 1–3, 5, 7–8
            2,4,6        | 2, 4, 6
            """)
    void pagesAreWrittenAsRanges(String numbers, String written) {
        List<Integer> pages = Arrays.stream(numbers.split(",")).map(Integer::valueOf).toList();
        assertThat(EvidencePages.ranges(pages)).isEqualTo(written);
    }

    @Test
    void noPagesAreWrittenAsNothing() {
        assertThat(EvidencePages.ranges(List.of())).isEmpty();
    }

    @Test
    void aCriterionsPagesAreThoseOfItsSectionsTheChecklistFirstAndNoneWhenNoSectionIsInThePacket() {
        List<Section> sections = List.of(new Section("Checklist", 3, 3), new Section("Request", 4, 5),
                new Section("Treatment history", 6, 8), new Section("Letter", 9, 9), new Section("Severity", 10, 10));

        assertThat(EvidencePages.sectionKeys("FAILED_TRIALS"))
                .containsExactly(EvidencePages.CHECKLIST, "packet.section.history", "packet.section.letter");
        assertThat(EvidencePages.sectionKeys("NEW_CRITERION")).containsExactly(EvidencePages.CHECKLIST);
        assertThat(EvidencePages.pages(List.of("Checklist", "Treatment history", "Letter"), sections)).isEqualTo("3, 6–9");
        assertThat(EvidencePages.pages(List.of("Letter", "Checklist"), sections)).isEqualTo("3, 9");
        assertThat(EvidencePages.pages(List.of("Severity"), sections)).isEqualTo("10");
        assertThat(EvidencePages.pages(List.of("Attachments"), sections)).isNull();
    }

    @ParameterizedTest(name = "{0}, deadline {1}, letter of {2}: within the period {3}")
    @CsvSource(nullValues = "null", textBlock = """
            DENIED,   2026-03-31, 2026-03-30, true
            DENIED,   2026-03-31, 2026-03-31, true
            DENIED,   2026-03-31, 2026-04-01, false
            APPEALED, 2026-03-31, 2026-04-20, true
            APPEALED, null,       2026-03-01, false
            DENIED,   null,       2026-03-01, false
            """)
    void theLetterSaysTheAppealIsOnTimeOnlyWhenItIs(AuthStatus status, LocalDate deadline, LocalDate today,
                                                    boolean within) {
        Authorization a = new Authorization(status, LocalDate.of(2026, 1, 5), null, null, LocalDate.of(2026, 2, 1), null,
                null, null, null, 0, null, "Insufficient trials", deadline);

        assertThat(AppealLetter.withinAppealPeriod(a, today)).isEqualTo(within);
    }
}
