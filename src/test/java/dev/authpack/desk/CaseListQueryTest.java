package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The case list's search and its patient column, as a clerk on an English keyboard uses them. */
class CaseListQueryTest {

    private static CaseListing row(String first, String last) {
        return new CaseListing(UUID.randomUUID(), first + " " + last, first, last, LocalDate.of(1980, 2, 3),
                "M-1", "Example Health Plan", null, null, CaseStatus.DRAFT, false, Instant.EPOCH, Instant.EPOCH, 1);
    }

    @ParameterizedTest(name = "\"{0}\" finds Dolores Ibáñez: {1}")
    @CsvSource({"ibanez, true", "IBÁÑEZ, true", "dolores iba, true", "Ibáñez, true", "ibarra, false"})
    void aNameIsFoundWhetherOrNotItsAccentsAreTyped(String typed, boolean found) {
        CaseListQuery query = new CaseListQuery(typed, null, CaseListQuery.Sort.PATIENT, true, 1);

        assertThat(query.matches(row("Dolores", "Ibáñez"))).isEqualTo(found);
    }

    @Test
    void sortedByPatientAnAccentedLastNameStandsAmongItsLetters() {
        List<CaseListing> rows = List.of(row("Wei", "Zhang"), row("Ana", "Álvarez"), row("Bo", "Baker"),
                row("Cy", "Adams"));
        CaseListQuery query = new CaseListQuery(null, null, CaseListQuery.Sort.PATIENT, true, 1);

        assertThat(query.page(rows, r -> true).rows()).extracting(CaseListing::lastName)
                .containsExactly("Adams", "Álvarez", "Baker", "Zhang");
    }
}
