package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A patient's place in a list sorted by patient: by last name, then first name, as a clerk looks for them. */
class PatientSortKeyTest {

    record Name(String first, String last) {
    }

    @Test
    void patientsSortByLastNameThenFirstNameAccentedAmongTheirLettersWhateverTheCase() {
        List<Name> names = new ArrayList<>(List.of(new Name("Wei", "Zhang"), new Name("A", "Łukasz"),
                new Name("Ana", "Álvarez"), new Name("C", "Baker"), new Name("bo", "ALVAREZ"), new Name("Zoe", "Adams"),
                new Name("P", "Ørsted"), new Name("X", "Oz"), new Name("B", "Lopez"), new Name("Bo", "Adams")));

        names.sort(Comparator.comparing(n -> PatientSortKey.of(n.first(), n.last())));

        assertThat(names).containsExactly(new Name("Bo", "Adams"), new Name("Zoe", "Adams"), new Name("Ana", "Álvarez"),
                new Name("bo", "ALVAREZ"), new Name("C", "Baker"), new Name("B", "Lopez"), new Name("A", "Łukasz"),
                new Name("P", "Ørsted"), new Name("X", "Oz"), new Name("Wei", "Zhang"));
    }

    /** As the case list has always sorted a part not given: as empty, before every name that has it. */
    @Test
    void aMissingPartSortsAsEmptyAndTheSameNameHowEverWrittenHasOneKey() {
        assertThat(PatientSortKey.of("Dana", null)).isLessThan(PatientSortKey.of(null, "Adams"));
        assertThat(PatientSortKey.of(null, "Reyes")).isLessThan(PatientSortKey.of("Ana", "Reyes"));
        assertThat(PatientSortKey.of("ANA", "Ibáñez")).isEqualTo(PatientSortKey.of("ana", "ibanez"))
                .isEqualByComparingTo(PatientSortKey.of("Ana", "IBANEZ"));
    }
}
