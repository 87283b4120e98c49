package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One list of the start page as shown: its first 50, or the list asked for in full, 200 a page. */
class WorklistSectionTest {

    @Test
    void aListAskedForInFullThatFitsItsPreviewShowsNoRangeAndNoPageLinks() {
        for (int size : List.of(0, 1, WorklistSection.PREVIEW)) {
            WorklistSection s = WorklistSection.of("readyToSubmit", items(size), "readyToSubmit", 1);

            // the page prints "Showing {from+1}–{to} of {total}" and "Show the first 50 only" when all() holds
            assertThat(s.all()).as("size %d", size).isFalse();
            assertThat(s.cut()).as("size %d", size).isFalse();
            assertThat(s.hasPrevious() || s.hasNext()).as("size %d", size).isFalse();
            assertThat(s.items()).hasSize(size);
            assertThat(s.total()).isEqualTo(size);
        }
    }

    @Test
    void aListLongerThanItsPreviewAskedForInFullIsShownAPageAtATime() {
        WorklistSection s = WorklistSection.of("toFinish", items(WorklistSection.PREVIEW + 1), "toFinish", 1);

        assertThat(s.all()).isTrue();
        assertThat(s.items()).hasSize(WorklistSection.PREVIEW + 1);
        assertThat(s.from() + 1).isEqualTo(1);
        assertThat(s.to()).isEqualTo(WorklistSection.PREVIEW + 1);
    }

    private static List<WorkItem> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> new WorkItem(new UUID(0, i), "Patient " + i, "reason",
                LocalDate.of(2026, 11, 20), AuthStatus.NOT_SUBMITTED, null, 0L, 2, null,
                dev.authpack.casefile.PatientSortKey.of("Patient", String.valueOf(i)))).toList();
    }
}
