package dev.authpack.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.InputException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiListPageTest {

    private static final List<Integer> TEN = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @ParameterizedTest(name = "limit={0} offset={1} → {2} items from {3}, next offset {4}")
    @CsvSource(nullValues = "-", value = {
        "-,  -,  10, 0, -",
        "3,  -,  3,  0, 3",
        "3,  6,  3,  6, 9",
        "3,  9,  1,  9, -",
        "3,  10, 0,  -, -",
        "3,  99, 0,  -, -",
        "-,  4,  6,  4, -",
        "10, 0,  10, 0, -",
    })
    void aPageIsItsSliceOfTheListAndLinksToTheNextWhileAnyAreLeft(String limit, String offset, int size, Integer first,
                                                                  Integer nextOffset) {
        ApiListPage page = ApiListPage.parse(limit, offset);

        List<Integer> items = page.of(TEN);

        assertThat(items).hasSize(size);
        if (first != null) {
            assertThat(items.get(0)).isEqualTo(first);
        }
        String next = page.next("/api/v1/cases", "status=READY", TEN.size());
        assertThat(next).isEqualTo(nextOffset == null ? null
                : "/api/v1/cases?status=READY&offset=" + nextOffset + "&limit=" + limit.strip());
    }

    /** Near the largest offset, offset + limit passed an int's range: a page past the end linked to offset=-2147482649. */
    @ParameterizedTest(name = "limit={0} offset={1} links to no next page")
    @CsvSource({"1000, 2147483647", "1000, 2147483000", "1, 2147483647"})
    void aPagePastTheEndNearTheLargestOffsetLinksToNoNextPage(String limit, String offset) {
        ApiListPage page = ApiListPage.parse(limit, offset);

        assertThat(page.of(TEN)).isEmpty();
        assertThat(page.next("/api/v1/cases", null, TEN.size())).isNull();
    }

    /** Past an int's range an offset is still a whole number of 0 or more: it was refused as not one. */
    @ParameterizedTest(name = "offset={0} is past the end")
    @CsvSource({"2147483648", "99999999999", "+99999999999999999999999"})
    void anOffsetPastAnIntsRangeIsAPagePastTheEndNotARefusal(String offset) {
        ApiListPage page = ApiListPage.parse("5", offset);

        assertThat(page.of(TEN)).isEmpty();
        assertThat(page.next("/api/v1/cases", null, TEN.size())).isNull();
    }

    @ParameterizedTest(name = "limit={0} offset={1} is refused on {2}")
    @CsvSource(nullValues = "-", value = {"0, -, limit", "1001, -, limit", "x, -, limit", "5, -1, offset", "-, 2.0, offset"})
    void aLimitOrOffsetOutOfRangeNamesItsField(String limit, String offset, String field) {
        assertThatThrownBy(() -> ApiListPage.parse(limit, offset)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems().get(0).field()).isEqualTo(field));
    }
}
