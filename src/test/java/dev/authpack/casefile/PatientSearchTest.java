package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one rule by which the case list and Recent documents find a patient; the name's forms here, the member id and
 * birth date in {@code desk.CaseListQueryTest}.
 */
class PatientSearchTest {

    @ParameterizedTest(name = "''{0}'' finds Dana Reyes: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Dana Reyes       | true
            reyes            | true
            ana rey          | true
            'Reyes, Dana'    | true
            'REYES,DANA'     | true
            'reyes , d'      | true
            'Reyes,'         | true
            'Réyes, Dána'    | true
            Reyes Dana       | true
            reyes d          | true
            'Dana, Reyes'    | false
            'Reyes, Ann'     | false
            ', Dana'         | false
            Reyes Ann        | false
            """)
    void aNameIsFoundAsTypedLastNameFirstWithACommaOrWordByWord(String typed, boolean found) {
        assertThat(PatientSearch.of(typed).matches("Dana Reyes", "Dana", "Reyes", LocalDate.of(1980, 2, 3), "XJ4"))
                .isEqualTo(found);
    }

    /** A name pasted from a PDF or an e-mail, its words parted by a non-breaking or thin space, is found as typed. */
    @ParameterizedTest
    @ValueSource(strings = {"Dana\u00a0Reyes", "Reyes,\u2009Dana", "\u00a0reyes\u00a0", "Reyes\u202fDana", "Dana\tReyes"})
    void aNamePastedWithAnotherKindOfSpaceIsFound(String typed) {
        assertThat(PatientSearch.of(typed).matches("Dana Reyes", "Dana", "Reyes", LocalDate.of(1980, 2, 3), "XJ4"))
                .isTrue();
    }

    /** A name stored with its comma (typed into the last name field) is still found as it reads. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'IBANEZ, dolores'
            ibanez
            """)
    void aNameStoredWithACommaIsFoundAsItReads(String typed) {
        assertThat(PatientSearch.of(typed).matches("IBÁÑEZ, Dolores", null, null, null, null)).isTrue();
    }

    /**
     * A date no calendar has ("2/30/1980", a slip of the keyboard) is no birth date: it finds nobody, not the patients
     * born on the last day of that month, whom the page would show as if they had been asked for.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2/30/1980  | 1980-02-29
            2/29/1981  | 1981-02-28
            04/31/1980 | 1980-04-30
            """)
    void aDateNoCalendarHasFindsNoPatientBornNearIt(String typed, LocalDate lastOfMonth) {
        assertThat(PatientSearch.of(typed).matches("Dana Reyes", "Dana", "Reyes", lastOfMonth, "XJ4")).isFalse();
        assertThat(PatientSearch.of(lastOfMonth.toString()).matches("Dana Reyes", "Dana", "Reyes", lastOfMonth, "XJ4"))
                .isTrue();
    }

    /**
     * A phone's keyboard types the apostrophe curly (O’Brien), a payer's letter may print it so, and a clerk may leave it
     * out (OBrien): the name is found however its apostrophe is written, or without it. An apostrophe alone finds
     * nobody, not every patient.
     */
    @ParameterizedTest(name = "''{0}'' finds {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            O’Brien         | O'Brien | true
            obrien          | O'Brien | true
            'O’BRIEN, Ann'  | O'Brien | true
            'obrien, a'     | O'Brien | true
            O'Brien         | O’Brien | true
            ann o'brien     | OBrien  | true
            O'Brian         | O'Brien | false
            ’               | Reyes   | false
            """)
    void aNameIsFoundHoweverItsApostropheIsWrittenOrWithoutIt(String typed, String last, boolean found) {
        assertThat(PatientSearch.of(typed).matches("Ann " + last, "Ann", last, LocalDate.of(1970, 5, 5), "OB-200"))
                .isEqualTo(found);
    }
}
