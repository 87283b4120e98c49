package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.CaseStatus;
import dev.authpack.desk.CaseListQuery.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the case list finds and in which order: a part of the name in any case, a member id without
 * its spaces and dashes, a birth date typed as 1980-02-03 or 2/3/1980; a status; each column both
 * ways with the case id breaking ties; pages of 25, a page past the last showing the last.
 */
class CaseListQueryTest {

    private static final CaseListing REYES = listing("00000000-0000-0000-0000-000000000001", "Dana", "Reyes",
            LocalDate.of(1980, 2, 3), "XJ4-55 1203", "Aetna", LocalDate.of(2026, 3, 1), CaseStatus.DRAFT, 3);

    @ParameterizedTest(name = "''{0}'' finds Dana Reyes: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null          | true
            ''            | true
            '   '         | true
            reyes         | true
            ' DANA R '    | true
            ana rey       | true
            Reyez         | false
            xj4551203     | true
            XJ4 551-203   | true
            xj4-55        | true
            55 12         | true
            xj9           | false
            ' - '         | false
            1980-02-03    | true
            2/3/1980      | true
            02/03/1980    | true
            1980-02-04    | false
            3/2/1980      | false
            """)
    void aSearchFindsAPartOfTheNameAMemberIdWithoutSpacesOrDashesOrTheBirthDate(String search, boolean found) {
        assertThat(new CaseListQuery(search, null, Sort.UPDATED, false, 1).matches(REYES)).isEqualTo(found);
    }

    @Test
    void aBirthDateSearchComparesOnlyTheBirthDate() {
        CaseListing bornUnknown = listing("00000000-0000-0000-0000-000000000002", "Ana", "Lee", null, "1980-02-03",
                "Aetna", null, CaseStatus.DRAFT, 1);
        assertThat(new CaseListQuery("1980-02-03", null, Sort.UPDATED, false, 1).matches(bornUnknown)).isFalse();
        assertThat(new CaseListQuery("80-02-03", null, Sort.UPDATED, false, 1).matches(REYES)).isFalse();
    }

    @ParameterizedTest(name = "status {0}: {1}")
    @CsvSource(nullValues = "null", textBlock = """
            null,  true
            DRAFT, true
            READY, false
            """)
    void aStatusNarrowsTheList(CaseStatus status, boolean found) {
        assertThat(new CaseListQuery("reyes", status, Sort.UPDATED, false, 1).matches(REYES)).isEqualTo(found);
        assertThat(new CaseListQuery("", status, Sort.UPDATED, false, 1).matches(REYES)).isEqualTo(found);
    }

    @ParameterizedTest(name = "sort {0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            patient | true  | b-ada,a-ada,c-zoe,d-zoe
            PATIENT | false | c-zoe,d-zoe,a-ada,b-ada
            birth   | true  | d-zoe,a-ada,c-zoe,b-ada
            birth   | false | b-ada,c-zoe,a-ada,d-zoe
            payer   | true  | a-ada,c-zoe,b-ada,d-zoe
            start   | true  | c-zoe,b-ada,a-ada,d-zoe
            updated | true  | a-ada,b-ada,c-zoe,d-zoe
            updated | false | d-zoe,c-zoe,b-ada,a-ada
            nonsense| false | d-zoe,c-zoe,b-ada,a-ada
            """)
    void eachColumnSortsBothWaysWithEmptyValuesFirstAndTheIdBreakingTies(String column, boolean ascending, String order) {
        // c and d tie on the name: given in the reverse of their ids' order, which must break the tie
        List<CaseListing> rows = List.of(
                listing("00000000-0000-0000-0000-00000000000a", "Ada", "Lee", LocalDate.of(1970, 1, 1), "m1", "aetna",
                        LocalDate.of(2026, 5, 1), CaseStatus.DRAFT, 1),
                listing("00000000-0000-0000-0000-00000000000b", "ada", "Fox", LocalDate.of(1990, 1, 1), "m2", "Cigna",
                        LocalDate.of(2026, 4, 1), CaseStatus.DRAFT, 2),
                listing("00000000-0000-0000-0000-00000000000d", "zoe", "lee", null, "m4", "cigna",
                        LocalDate.of(2026, 5, 1), CaseStatus.DRAFT, 4),
                listing("00000000-0000-0000-0000-00000000000c", "Zoe", "Lee", LocalDate.of(1980, 1, 1), "m3", "Blue",
                        null, CaseStatus.DRAFT, 3));
        CaseListQuery query = new CaseListQuery("", null, Sort.of(column), ascending, 1);

        List<String> sorted = query.page(rows, r -> true).rows().stream()
                .map(r -> r.id().toString().substring(35) + "-" + r.firstName().toLowerCase()).toList();

        assertThat(String.join(",", sorted)).isEqualTo(order);
    }

    @ParameterizedTest(name = "{0} cases, page {1}: page {2} of {3}, {4} rows from #{5}")
    @CsvSource({"0, 1, 1, 1, 0, -1", "1, 1, 1, 1, 1, 0", "25, 1, 1, 1, 25, 0", "26, 1, 1, 2, 25, 0", "26, 2, 2, 2, 1, 25",
            "50, 2, 2, 2, 25, 25", "51, 3, 3, 3, 1, 50", "51, 9, 3, 3, 1, 50", "51, 0, 1, 3, 25, 0", "51, -4, 1, 3, 25, 0"})
    void pagesHoldTwentyFiveAndAPageOutOfRangeIsTheNearest(int cases, int asked, int number, int pages, int rows,
                                                          int firstIndex) {
        List<CaseListing> all = new ArrayList<>(IntStream.range(0, cases).mapToObj(i -> listing(
                new UUID(0, i).toString(), "Ada", "Lee", null, "m", "p", null, CaseStatus.DRAFT, i)).toList());

        CaseListQuery.Page<CaseListing> page = new CaseListQuery("", null, Sort.UPDATED, true, asked).page(all, r -> true);

        assertThat(page.number()).isEqualTo(number);
        assertThat(page.pages()).isEqualTo(pages);
        assertThat(page.total()).isEqualTo(cases);
        assertThat(page.rows()).hasSize(rows);
        if (rows > 0) {
            assertThat(page.rows().get(0)).isSameAs(all.get(firstIndex));
        }
    }

    @Test
    void theCallersOwnFilterNarrowsTheCountsToo() {
        CaseListQuery.Page<CaseListing> page = new CaseListQuery("", null, Sort.UPDATED, true, 1)
                .page(List.of(REYES), r -> false);

        assertThat(page.total()).isZero();
        assertThat(page.rows()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" finds Dolores Ibáñez: {1}")
    @CsvSource({"ibanez, true", "IBÁÑEZ, true", "dolores iba, true", "Ibáñez, true", "ibarra, false"})
    void aNameIsFoundWhetherOrNotItsAccentsAreTyped(String typed, boolean found) {
        CaseListing ibanez = listing("00000000-0000-0000-0000-000000000009", "Dolores", "Ibáñez", null, "M-1", "Aetna",
                null, CaseStatus.DRAFT, 1);

        assertThat(new CaseListQuery(typed, null, Sort.PATIENT, true, 1).matches(ibanez)).isEqualTo(found);
    }

    @Test
    void sortedByPatientAnAccentedLastNameStandsAmongItsLetters() {
        List<CaseListing> rows = new ArrayList<>();
        String[] names = {"Zhang", "Álvarez", "Baker", "Adams"};
        for (int i = 0; i < names.length; i++) {
            rows.add(listing("00000000-0000-0000-0000-00000000001" + i, "Ana", names[i], null, "M-1", "Aetna", null,
                    CaseStatus.DRAFT, i));
        }

        assertThat(new CaseListQuery(null, null, Sort.PATIENT, true, 1).page(rows, r -> true).rows())
                .extracting(CaseListing::lastName).containsExactly("Adams", "Álvarez", "Baker", "Zhang");
    }

    private static CaseListing listing(String id, String first, String last, LocalDate born, String member, String payer,
                                       LocalDate start, CaseStatus status, int minute) {
        return new CaseListing(UUID.fromString(id), (first + " " + last).strip(), first, last, born, member, payer, "p1",
                start, status, false, Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), 1);
    }
}
