package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.desk.CaseFormDifferences.Difference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which fields a clerk's form would change in the version someone else saved meanwhile. */
class CaseFormDifferencesTest {

    @ParameterizedTest(name = "{0}: yours ''{2}'', saved ''{3}'' -> differs {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                              | path                        | yours     | saved     | differs
            same text                           | prescriber.phone            | 555-0100  | 555-0100  | false
            changed text                        | prescriber.phone            | 555-0199  | 555-0100  | true
            only your form has it               | prescriber.fax              | 555-0111  | null      | true
            only the saved case has it          | prescriber.fax              | null      | 555-0111  | true
            blank input and absent value        | prescriber.fax              | '  '      | null      | false
            surrounding spaces                  | patient.lastName            | ' Rivera' | Rivera    | false
            same amount written two ways        | coverage.copayPerSession    | 150       | 150.00    | false
            different amount                    | coverage.copayPerSession    | 150       | 150.01    | true
            score changed                       | assessments[0].score        | 19        | 22        | true
            leading zero is not a number        | patient.memberId            | 0123      | 123       | true
            dates compare as text               | request.startDate           | 2026-12-01| 2026-12-01| false
            case of a choice matters            | patient.sex                 | F         | f         | true
            """)
    void aFieldDiffersOnlyWhenItsValueDoes(String name, String path, String yours, String saved, boolean differs) {
        Map<String, String> mine = new LinkedHashMap<>();
        Map<String, String> theirs = new LinkedHashMap<>();
        if (yours != null) {
            mine.put(path, yours);
        }
        if (saved != null) {
            theirs.put(path, saved);
        }

        List<Difference> found = CaseFormDifferences.between(mine, theirs);

        assertThat(found).hasSize(differs ? 1 : 0);
        if (differs) {
            assertThat(found.get(0)).isEqualTo(new Difference(path,
                    yours == null ? "" : yours.strip(), saved == null ? "" : saved.strip()));
        }
    }

    @Test
    void differencesComeInFormOrderWithFieldsOnlyTheSavedCaseHasLast() {
        Map<String, String> yours = new LinkedHashMap<>();
        yours.put("patient.lastName", "Rivera");
        yours.put("prescriber.phone", "555-0199");
        yours.put("assessments[0].score", "19");
        Map<String, String> saved = new LinkedHashMap<>();
        saved.put("assessments[0].score", "22");
        saved.put("assessments[1].score", "18");
        saved.put("patient.lastName", "Rivera");
        saved.put("prescriber.phone", "555-0100");

        assertThat(CaseFormDifferences.between(yours, saved)).extracting(Difference::path)
                .containsExactly("prescriber.phone", "assessments[0].score", "assessments[1].score");
    }

    @Test
    void identicalCasesHaveNoDifferences() {
        Map<String, String> both = Map.of("patient.lastName", "Rivera", "prescriber.phone", "555-0100");

        assertThat(CaseFormDifferences.between(both, both)).isEmpty();
    }
}
