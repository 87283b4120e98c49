package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recent documents' filter as the address and the session give it. */
class RecentFilterTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            null,     1
            '',       1
            two,      1
            0,        1
            -3,       1
            2,        2
            ' 3 ',    3
            99999999, 100000
            """)
    void aPageNumberThatIsNoneOrOutOfRangeIsTheNearestPage(String typed, int page) {
        RecentFilter filter = RecentFilter.of("", null, typed);

        assertThat(filter.page()).isEqualTo(page);
        assertThat(filter.first()).isEqualTo((page - 1) * RecentFilter.PAGE_SIZE + 1).isPositive();
    }

    @Test
    void aKindIsReadInAnyCaseAndAnythingElseMeansEveryKind() {
        assertThat(RecentFilter.of("", "appeal_packet", "1").kinds()).containsExactly(DocumentKind.APPEAL_PACKET);
        assertThat(RecentFilter.of("", "reyes", "1").kind()).isNull();
        assertThat(RecentFilter.of("", null, "1").kinds()).containsExactlyInAnyOrder(DocumentKind.values());
        assertThat(RecentFilter.of("", null, "2").narrowed()).isFalse();
        assertThat(RecentFilter.of("", "ESTIMATE", "1").narrowed()).isTrue();
        assertThat(RecentFilter.of("rey", null, "1").narrowed()).isTrue();
    }

    @ParameterizedTest(name = "page {0}: rows from {1}")
    @CsvSource({"1, 0", "2, 50", "3, 100"})
    void aPageAsksTheDatabaseForItsFiftyRows(String page, long offset) {
        var pageable = RecentFilter.of("", null, page).pageable();

        assertThat(pageable.getOffset()).isEqualTo(offset);
        assertThat(pageable.getPageSize()).isEqualTo(RecentFilter.PAGE_SIZE);
    }
}
