package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.PatientSortKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each worklist list's membership at its boundaries, to the day and to the session. */
class WorklistRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final Instant NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    static final Function<Instant, LocalDate> UTC_DAY = i -> LocalDate.ofInstant(i, ZoneOffset.UTC);

    static Authorization status(AuthStatus s) {
        return new Authorization(s, null, null, null, null, null, null, null, null, 0, null, null, null);
    }

    /** The sort key of a patient known by one name, as the rules read it. */
    static PatientSortKey named(String lastName) {
        return PatientSortKey.of(null, lastName);
    }

    static WorklistRules.CaseState state(Authorization a) {
        return new WorklistRules.CaseState(UUID.randomUUID(), "Pat", named("Pat"),
                true, true, TODAY.plusDays(3), a, null, false);
    }

    @Test
    void readyToSubmitNeedsNotSubmittedCompleteAndAPacket() {
        var ready = state(Authorization.NONE);
        assertThat(WorklistRules.readyToSubmit(ready, TODAY)).isNotNull();
        assertThat(WorklistRules.readyToSubmit(new WorklistRules.CaseState(ready.caseId(), "Pat", named("Pat"),
                false, true, null, Authorization.NONE, null, false), TODAY)).isNull();
        assertThat(WorklistRules.readyToSubmit(new WorklistRules.CaseState(ready.caseId(), "Pat", named("Pat"),
                true, false, null, Authorization.NONE, null, false), TODAY)).isNull();
        assertThat(WorklistRules.readyToSubmit(state(status(AuthStatus.SUBMITTED)), TODAY)).isNull();
    }

    @Test
    void toFinishListsUnsentCasesLackingSomethingOrAPacketMostRecentlyChangedFirst() {
        var incomplete = new WorklistRules.CaseState(UUID.randomUUID(), "Incomplete", named("Incomplete"),
                false, false, null, Authorization.NONE, null, false);
        var noPacket = new WorklistRules.CaseState(UUID.randomUUID(), "No packet", named("No packet"),
                true, false, null, Authorization.NONE, null, false);
        var ready = new WorklistRules.CaseState(UUID.randomUUID(), "Ready", named("Ready"), true, true, null,
                Authorization.NONE, null, false);
        var withdrawn = new WorklistRules.CaseState(UUID.randomUUID(), "Withdrawn", named("Withdrawn"),
                false, false, null, status(AuthStatus.WITHDRAWN), null, false);
        var submitted = new WorklistRules.CaseState(UUID.randomUUID(), "Submitted", named("Submitted"),
                false, true, null, status(AuthStatus.SUBMITTED), null, false);
        Map<UUID, Instant> changed = Map.of(incomplete.caseId(), NOON.minus(Duration.ofDays(1)), noPacket.caseId(),
                NOON.minus(Duration.ofDays(9)), ready.caseId(), NOON, withdrawn.caseId(), NOON, submitted.caseId(), NOON);

        List<WorkItem> items = WorklistRules.toFinish(List.of(noPacket, incomplete, ready, withdrawn, submitted),
                changed, UTC_DAY);

        assertThat(items).extracting(WorkItem::patientName).containsExactly("Incomplete", "No packet");
        assertThat(items).extracting(WorkItem::reason).containsExactly(
                "The checklist still lacks something: open the case to see what", "Complete: generate the packet");
        assertThat(items).extracting(WorkItem::due).containsExactly(TODAY.minusDays(1), TODAY.minusDays(9));
    }

    /**
     * A clerk who has just saved a draft finds it first, although cases changed earlier the same day sort
     * before it by name: the page shows a busy clinic only the first 50, and the day alone tied them all.
     */
    @Test
    void toFinishPutsADraftSavedAMinuteAgoAboveCasesChangedEarlierTheSameDay() {
        var earlier = new WorklistRules.CaseState(UUID.randomUUID(), "Aaron", named("Aaron"), false, false, null,
                Authorization.NONE, null, false);
        var justSaved = new WorklistRules.CaseState(UUID.randomUUID(), "Zeller", named("Zeller"), false, false, null,
                Authorization.NONE, null, false);
        var sameInstant = new WorklistRules.CaseState(UUID.randomUUID(), "Abbott", named("Abbott"), false, false, null,
                Authorization.NONE, null, false);
        Map<UUID, Instant> changed = Map.of(earlier.caseId(), NOON.minusSeconds(3600), justSaved.caseId(),
                NOON.minusSeconds(60), sameInstant.caseId(), NOON.minusSeconds(3600));

        List<WorkItem> items = WorklistRules.toFinish(List.of(earlier, sameInstant, justSaved), changed, UTC_DAY);

        assertThat(items).extracting(WorkItem::patientName).containsExactly("Zeller", "Aaron", "Abbott");
        assertThat(items).extracting(WorkItem::due).containsOnly(TODAY);
    }

    /** The contract decides membership; the reason tells the clerk not to send the packet as it is. */
    @Test
    void aReadyCaseWhosePacketPredatesTheLastChangeStaysReadyAndSaysToGenerateItAgain() {
        var current = state(Authorization.NONE);
        var outdated = new WorklistRules.CaseState(current.caseId(), "Pat", named("Pat"), true, true, TODAY.plusDays(3),
                Authorization.NONE, null, true);

        assertThat(WorklistRules.readyToSubmit(current, TODAY).reason())
                .isEqualTo("Complete and packet generated; not yet submitted");
        assertThat(WorklistRules.readyToSubmit(outdated, TODAY).reason())
                .isEqualTo("Complete, but the packet predates the last change: generate it again before sending");
    }

    static Stream<Arguments> waiting() {
        return Stream.of(Arguments.of(14, false), Arguments.of(15, true), Arguments.of(0, false));
    }

    @ParameterizedTest(name = "submitted {0} days ago → listed {1}")
    @MethodSource("waiting")
    void waitingOnPayerAfterMoreThanFourteenDays(int daysAgo, boolean listed) {
        for (AuthStatus s : List.of(AuthStatus.SUBMITTED, AuthStatus.PENDED)) {
            Authorization a = new Authorization(s, TODAY.minusDays(daysAgo), Channel.FAX, null, null, null, null, null,
                    null, 0, null, null, null);
            assertThat(WorklistRules.waitingOnPayer(state(a), TODAY) != null).as("%s", s).isEqualTo(listed);
        }
    }

    static Stream<Arguments> renew() {
        return Stream.of(
                Arguments.of(14, 3, true), Arguments.of(15, 3, false),
                Arguments.of(60, 2, true), Arguments.of(60, 3, false), Arguments.of(0, 8, true));
    }

    @ParameterizedTest(name = "ends in {0} days, {1} sessions left → listed {2}")
    @MethodSource("renew")
    void renewSoonWithinFourteenDaysOrTwoSessions(int daysLeft, int sessionsLeft, boolean listed) {
        Authorization a = new Authorization(AuthStatus.APPROVED, null, null, null, TODAY.minusDays(10), "A",
                TODAY.minusDays(10), TODAY.plusDays(daysLeft), 8 + sessionsLeft, 8, sessionsLeft, null, null);
        WorkItem item = WorklistRules.renewSoon(state(a), TODAY);
        assertThat(item != null).isEqualTo(listed);
        if (listed) {
            assertThat(item.due()).isEqualTo(TODAY.plusDays(daysLeft));
        }
    }

    static Stream<Arguments> appeal() {
        return Stream.of(Arguments.of(0, true), Arguments.of(1, true), Arguments.of(-1, false));
    }

    @ParameterizedTest(name = "deadline in {0} days → listed {1}")
    @MethodSource("appeal")
    void appealDueUntilTheDeadlineInclusive(int daysToDeadline, boolean listed) {
        Authorization a = new Authorization(AuthStatus.DENIED, null, null, null, TODAY.minusDays(1), null, null, null,
                null, 0, null, "no", TODAY.plusDays(daysToDeadline));
        WorkItem item = WorklistRules.appealDue(state(a), TODAY);
        assertThat(item != null).isEqualTo(listed);
        if (listed) {
            assertThat(item.daysLeft()).isEqualTo(daysToDeadline);
        }
    }

    @Test
    void expiredOnlyUntilARenewalNamesIt() {
        Authorization a = new Authorization(AuthStatus.EXPIRED, null, null, null, null, "A", TODAY.minusDays(40),
                TODAY.minusDays(1), 8, 8, 0, null, null);
        assertThat(WorklistRules.expired(state(a), TODAY)).isNotNull();
        assertThat(WorklistRules.expired(new WorklistRules.CaseState(UUID.randomUUID(), "Pat", named("Pat"),
                true, true, null, a, UUID.randomUUID(), false), TODAY)).isNull();
        assertThat(WorklistRules.renewSoon(state(a), TODAY)).as("an expired approval is not 'renew soon'").isNull();
    }

    @Test
    void waitingIsOldestFirstAndAppealsSoonestFirst() {
        var older = state(new Authorization(AuthStatus.SUBMITTED, TODAY.minusDays(40), null, null, null, null, null,
                null, null, 0, null, null, null));
        var newer = state(new Authorization(AuthStatus.PENDED, TODAY.minusDays(20), null, null, null, null, null,
                null, null, 0, null, null, null));
        var late = state(new Authorization(AuthStatus.DENIED, null, null, null, null, null, null, null, null, 0, null,
                "x", TODAY.plusDays(90)));
        var soon = state(new Authorization(AuthStatus.DENIED, null, null, null, null, null, null, null, null, 0, null,
                "x", TODAY.plusDays(3)));
        Worklist w = WorklistRules.build(List.of(newer, late, older, soon), TODAY);
        assertThat(w.waitingOnPayer()).extracting(WorkItem::caseId).containsExactly(older.caseId(), newer.caseId());
        assertThat(w.appealDue()).extracting(WorkItem::caseId).containsExactly(soon.caseId(), late.caseId());
        assertThat(w.counts()).containsEntry("waitingOnPayer", 2).containsEntry("appealDue", 2)
                .containsEntry("readyToSubmit", 0);
    }

    @Test
    void buildFilesEachCaseUnderItsList() {
        var ready = state(Authorization.NONE);
        var waiting = state(new Authorization(AuthStatus.SUBMITTED, TODAY.minusDays(20), Channel.FAX, null, null, null,
                null, null, null, 0, null, null, null));
        var renew = state(new Authorization(AuthStatus.APPROVED, null, null, null, TODAY.minusDays(10), "A",
                TODAY.minusDays(10), TODAY.plusDays(5), 8, 2, 6, null, null));
        var appeal = state(new Authorization(AuthStatus.DENIED, null, null, null, TODAY.minusDays(1), null, null, null,
                null, 0, null, "no", TODAY.plusDays(179)));
        var expired = state(new Authorization(AuthStatus.EXPIRED, null, null, null, null, "A", TODAY.minusDays(40),
                TODAY.minusDays(1), 8, 8, 0, null, null));

        Worklist w = WorklistRules.build(List.of(expired, appeal, renew, waiting, ready), TODAY);

        assertThat(w.readyToSubmit()).extracting(WorkItem::caseId).containsExactly(ready.caseId());
        assertThat(w.waitingOnPayer()).extracting(WorkItem::caseId).containsExactly(waiting.caseId());
        assertThat(w.renewSoon()).extracting(WorkItem::caseId).containsExactly(renew.caseId());
        assertThat(w.appealDue()).extracting(WorkItem::caseId).containsExactly(appeal.caseId());
        assertThat(w.expired()).extracting(WorkItem::caseId).containsExactly(expired.caseId());
        assertThat(w.counts()).containsExactly(Map.entry("readyToSubmit", 1),
                Map.entry("waitingOnPayer", 1), Map.entry("renewSoon", 1),
                Map.entry("appealDue", 1), Map.entry("expired", 1));
    }

    @Test
    void readyToSubmitIsDueOnTheStartDateAndCasesWithoutOneComeLast() {
        var inThreeDays = state(Authorization.NONE);
        var undated = new WorklistRules.CaseState(UUID.randomUUID(), "Abe", named("Abe"),
                true, true, null, Authorization.NONE, null, false);

        Worklist w = WorklistRules.build(List.of(undated, inThreeDays), TODAY);

        assertThat(w.readyToSubmit()).extracting(WorkItem::caseId).containsExactly(inThreeDays.caseId(),
                undated.caseId());
        assertThat(w.readyToSubmit().get(0).due()).isEqualTo(TODAY.plusDays(3));
        assertThat(w.readyToSubmit().get(0).daysLeft()).isEqualTo(3);
        assertThat(w.readyToSubmit().get(1).due()).isNull();
        assertThat(w.readyToSubmit().get(1).daysLeft()).isNull();
    }

    @Test
    void waitingOnPayerCountsTheDaysAndSaysWhenThePayerPended() {
        LocalDate submitted = TODAY.minusDays(15);
        WorkItem submittedItem = WorklistRules.waitingOnPayer(state(new Authorization(AuthStatus.SUBMITTED, submitted,
                Channel.FAX, null, null, null, null, null, null, 0, null, null, null)), TODAY);
        WorkItem pendedItem = WorklistRules.waitingOnPayer(state(new Authorization(AuthStatus.PENDED, submitted,
                Channel.FAX, null, null, null, null, null, null, 0, null, null, null)), TODAY);

        assertThat(submittedItem.daysWaiting()).isEqualTo(15);
        assertThat(submittedItem.due()).isEqualTo(submitted.plusDays(14));
        assertThat(submittedItem.reason()).contains("15 days").doesNotContain("pended");
        assertThat(pendedItem.reason()).contains("pended", "15 days");
    }

    static Stream<Arguments> renewReasons() {
        return Stream.of(
                // days left, sessions left, the reason names the end date's closeness, the sessions left
                Arguments.of(14, 3, true, false),
                Arguments.of(60, 2, false, true),
                Arguments.of(3, 1, true, true));
    }

    @ParameterizedTest(name = "ends in {0} days, {1} sessions left")
    @MethodSource("renewReasons")
    void renewSoonSaysWhichLimitIsNear(int daysLeft, int sessionsLeft, boolean ending, boolean usedUp) {
        LocalDate to = TODAY.plusDays(daysLeft);
        Authorization a = new Authorization(AuthStatus.APPROVED, null, null, null, TODAY.minusDays(10), "A",
                TODAY.minusDays(10), to, 10, 10 - sessionsLeft, sessionsLeft, null, null);

        WorkItem item = WorklistRules.renewSoon(state(a), TODAY);

        assertThat(item.reason().contains("(" + WorklistRules.dayCount(daysLeft) + ")")).isEqualTo(ending);
        assertThat(item.reason().contains(sessionsLeft + " of 10 sessions left")).isEqualTo(usedUp);
        assertThat(item.reason()).contains(to.toString());
        assertThat(item.daysLeft()).isEqualTo(daysLeft);
        assertThat(item.sessionsLeft()).isEqualTo(sessionsLeft);
    }

    @Test
    void reasonsCountOneDayInTheSingular() {
        Authorization ending = new Authorization(AuthStatus.APPROVED, null, null, null, TODAY.minusDays(10), "A",
                TODAY.minusDays(10), TODAY.plusDays(1), 10, 2, 8, null, null);
        Authorization denied = new Authorization(AuthStatus.DENIED, null, null, null, TODAY.minusDays(179), null,
                null, null, null, 0, null, "Not medically necessary", TODAY.plusDays(1));

        assertThat(WorklistRules.renewSoon(state(ending), TODAY).reason()).endsWith("(1 day)");
        assertThat(WorklistRules.appealDue(state(denied), TODAY).reason()).endsWith("(1 day left)");
        assertThat(WorklistRules.dayCount(0)).isEqualTo("0 days");
        assertThat(WorklistRules.dayCount(14)).isEqualTo("14 days");
    }

    @Test
    void anApprovalOfOneSessionSaysSessionInTheSingular() {
        Authorization one = new Authorization(AuthStatus.APPROVED, null, null, null, TODAY.minusDays(10), "A",
                TODAY.minusDays(10), TODAY.plusDays(90), 1, 0, 1, null, null);
        Authorization usedUp = new Authorization(AuthStatus.APPROVED, null, null, null, TODAY.minusDays(10), "A",
                TODAY.minusDays(10), TODAY.plusDays(90), 1, 1, 0, null, null);

        assertThat(WorklistRules.renewSoon(state(one), TODAY).reason()).endsWith("; 1 of 1 session left");
        assertThat(WorklistRules.renewSoon(state(usedUp), TODAY).reason()).endsWith("; 0 of 1 session left");
    }
}
