package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.casefile.PatientSortKey;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A clerk's order for one worklist list: which list, by due date or patient, either way round. */
class WorklistSortTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @ParameterizedTest(name = "list={0} sort={1} dir={2}")
    @CsvSource(value = {"NULL, NULL, NULL", "'', ' ', ''", "' ', NULL, ' '"}, nullValues = "NULL")
    void askingForNoOrderKeepsTheUsualOne(String list, String key, String dir) {
        assertThat(WorklistSort.parse(list, key, dir)).isNull();
    }

    @ParameterizedTest(name = "list={0} sort={1} dir={2}")
    @CsvSource(value = {
            "renewSoon, NULL, NULL, renewSoon, due, false",
            "' expired ', PATIENT, ' DESC ', expired, patient, true",
            "readyToSubmit, due, asc, readyToSubmit, due, false",
            "appealDue, ' ', desc, appealDue, due, true",
            "waitingOnPayer, patient, '', waitingOnPayer, patient, false"}, nullValues = "NULL")
    void readsTheListTheKeyAndTheDirectionWithDueAscendingByDefault(String list, String key, String dir,
                                                                   String wantList, String wantKey, boolean desc) {
        assertThat(WorklistSort.parse(list, key, dir)).isEqualTo(new WorklistSort(wantList, wantKey, desc));
    }

    @ParameterizedTest(name = "list={0} sort={1} dir={2} → 400 on {3}")
    @CsvSource(value = {
            "NULL, due, NULL, list",
            "NULL, NULL, desc, list",
            "renewsoon, NULL, NULL, list",
            "everything, due, asc, list",
            "renewSoon, name, NULL, sort",
            "renewSoon, due, up, dir",
            "renewSoon, NULL, descending, dir"}, nullValues = "NULL")
    void aBadParameterIsRefusedNamingIt(String list, String key, String dir, String field) {
        assertThatThrownBy(() -> WorklistSort.parse(list, key, dir)).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field));
    }

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    /** Three renewals (B and C due the same day) and one expired approval, in no useful order. */
    private static Worklist worklist() {
        WorkItem bo = item(B, "Ed", "bo", TODAY.plusDays(5));
        WorkItem al = item(A, "Zed", "Al", TODAY.plusDays(9));
        WorkItem cy = item(C, "Ann", "cy", TODAY.plusDays(5));
        WorkItem expired = item(D, "Ida", "Di", TODAY.minusDays(3));
        return new Worklist(TODAY, List.of(), List.of(), List.of(al, cy, bo), List.of(), List.of(expired));
    }

    /** An item of this patient, named as the case list columns hold the name; neither name: none. */
    private static WorkItem item(UUID id, String firstName, String lastName, LocalDate due) {
        String name = firstName == null && lastName == null ? null : (firstName + " " + lastName).strip();
        return new WorkItem(id, name, "reason", due, AuthStatus.APPROVED, null, 0L, 2, null,
                name == null ? null : PatientSortKey.of(firstName, lastName));
    }

    @ParameterizedTest(name = "sort={0} dir={1}")
    @CsvSource({"due, asc, b c a", "due, desc, a b c", "patient, asc, a b c", "patient, desc, c b a"})
    void sortsTheChosenListByItsKeyEitherWayRoundTiesByCase(String key, String dir, String order) {
        Worklist sorted = WorklistSort.parse("renewSoon", key, dir).apply(worklist());

        assertThat(sorted.renewSoon()).extracting(i -> i.caseId().toString().substring(35))
                .containsExactly(order.split(" "));
    }

    @ParameterizedTest(name = "sort={0} dir={1}")
    @CsvSource({"due, asc, b a c", "due, desc, a b c", "patient, asc, a b c", "patient, desc, b a c"})
    void anItemWithoutTheKeyComesLastEitherWayRound(String key, String dir, String order) {
        WorkItem al = item(A, "Zed", "Al", TODAY.plusDays(9));
        WorkItem bo = item(B, "Ed", "bo", TODAY.plusDays(5));
        WorkItem blank = item(C, null, null, null);
        Worklist w = new Worklist(TODAY, List.of(blank, al, bo), List.of(), List.of(), List.of(), List.of());

        Worklist sorted = WorklistSort.parse("readyToSubmit", key, dir).apply(w);

        assertThat(sorted.readyToSubmit()).extracting(i -> i.caseId().toString().substring(35))
                .containsExactly(order.split(" "));
    }

    /**
     * "Álvarez" among the A's, not after "Zhang" as a comparison of character codes puts it; two patients of one
     * name by the sooner date, whichever way the names run; two items due the same day by name.
     */
    @ParameterizedTest(name = "sort={0} dir={1}")
    @CsvSource({"patient, asc, c b d a", "patient, desc, a d c b", "due, asc, c b d a", "due, desc, a b d c"})
    void namesSortAsAClerkReadsThemAndTiesGoBySoonerDateOrName(String key, String dir, String order) {
        WorkItem zhang = item(A, "Wei", "Zhang", TODAY.plusDays(9));
        WorkItem alvarezLater = item(B, "Ana", "Álvarez", TODAY.plusDays(7));
        WorkItem alvarezSooner = item(C, "Ana", "Álvarez", TODAY.plusDays(2));
        WorkItem baker = item(D, "Cy", "Baker", TODAY.plusDays(7));
        Worklist w = new Worklist(TODAY, List.of(), List.of(), List.of(zhang, alvarezLater, alvarezSooner, baker),
                List.of(), List.of());

        Worklist sorted = WorklistSort.parse("renewSoon", key, dir).apply(w);

        assertThat(sorted.renewSoon()).extracting(i -> i.caseId().toString().substring(35))
                .containsExactly(order.split(" "));
    }

    private static final UUID E = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID F = UUID.fromString("00000000-0000-0000-0000-00000000000f");

    /**
     * The case list's order: last name, then first name, case and accents aside, so "ana ÁLVAREZ" is "Ana Alvarez"
     * and the two go by the sooner date, as one name does; "Zoe Adams" first, though "Zoe" sorted her last when the
     * whole name was compared. A case naming no patient last either way round; the case id only when all else ties.
     */
    @ParameterizedTest(name = "dir={0}")
    @CsvSource({"asc, a c f b d e", "desc, d c f b a e"})
    void patientsSortByLastNameThenFirstNameCaseAndAccentsAsideAndANamelessCaseLast(String dir, String order) {
        List<WorkItem> items = List.of(
                item(B, "ana", "ÁLVAREZ", TODAY.plusDays(9)),
                item(E, null, null, TODAY),
                item(F, "Ana", "Alvarez", TODAY.plusDays(2)),
                item(D, "Bob", "Alvarez", TODAY.plusDays(1)),
                item(C, "Ana", "Alvarez", TODAY.plusDays(2)),
                item(A, "Zoe", "Adams", TODAY.plusDays(5)));
        Worklist w = new Worklist(TODAY, List.of(), List.of(), List.of(), List.of(), items);

        Worklist sorted = WorklistSort.parse("expired", "patient", dir).apply(w);

        assertThat(sorted.expired()).extracting(i -> i.caseId().toString().substring(35))
                .containsExactly(order.split(" "));
    }

    @Test
    void theOtherListsAndTheCountsStayAsTheyWere() {
        Worklist before = worklist();

        Worklist after = WorklistSort.parse("renewSoon", "patient", "desc").apply(before);

        assertThat(after.asOf()).isEqualTo(TODAY);
        assertThat(after.expired()).isEqualTo(before.expired());
        assertThat(after.readyToSubmit()).isEmpty();
        assertThat(after.counts()).isEqualTo(before.counts());
        assertThat(WorklistSort.parse("expired", null, "desc").apply(before).renewSoon())
                .isEqualTo(before.renewSoon());
    }
}
