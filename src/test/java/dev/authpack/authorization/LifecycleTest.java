package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table, the replay and the sessions arithmetic, as pure rules with a pinned today. */
class LifecycleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    /** The contract's table, written out independently of {@link Transitions}. */
    static final Map<EventType, Set<AuthStatus>> CONTRACT = Map.of(
            EventType.SUBMITTED, EnumSet.of(AuthStatus.NOT_SUBMITTED, AuthStatus.PENDED),
            EventType.PENDED, EnumSet.of(AuthStatus.SUBMITTED),
            EventType.APPROVED, EnumSet.of(AuthStatus.SUBMITTED, AuthStatus.PENDED, AuthStatus.APPEALED),
            EventType.DENIED, EnumSet.of(AuthStatus.SUBMITTED, AuthStatus.PENDED, AuthStatus.APPEALED),
            EventType.APPEALED, EnumSet.of(AuthStatus.DENIED),
            EventType.WITHDRAWN, EnumSet.of(AuthStatus.NOT_SUBMITTED, AuthStatus.SUBMITTED, AuthStatus.PENDED),
            EventType.SESSION_GIVEN, EnumSet.of(AuthStatus.APPROVED, AuthStatus.EXPIRED));

    static Stream<Arguments> everyStatusAndType() {
        return Stream.of(AuthStatus.values()).flatMap(s -> Stream.of(EventType.values()).map(t -> Arguments.of(s, t)));
    }

    /** Events (oldest first) that bring a case to each status. */
    static List<EventData> pathTo(AuthStatus status) {
        LocalDate d = TODAY.minusDays(30);
        List<EventData> path = new ArrayList<>();
        switch (status) {
            case NOT_SUBMITTED -> { }
            case WITHDRAWN -> path.add(event(EventType.WITHDRAWN, d));
            default -> path.add(event(EventType.SUBMITTED, d));
        }
        switch (status) {
            case PENDED -> path.add(event(EventType.PENDED, d.plusDays(1)));
            case APPROVED -> path.add(approval(d.plusDays(2), d.plusDays(2), TODAY.plusDays(60), 8));
            case EXPIRED -> path.add(approval(d.plusDays(2), d.plusDays(2), TODAY.minusDays(1), 8));
            case DENIED -> path.add(denial(d.plusDays(2)));
            case APPEALED -> {
                path.add(denial(d.plusDays(2)));
                path.add(event(EventType.APPEALED, d.plusDays(3)));
            }
            default -> { }
        }
        return path;
    }

    @ParameterizedTest(name = "{1} while {0}")
    @MethodSource("everyStatusAndType")
    void everyTypeIsAllowedExactlyWhereTheContractSays(AuthStatus status, EventType type) {
        Authorization current = Lifecycle.authorization(pathTo(status), TODAY);
        assertThat(current.status()).isEqualTo(status);
        EventData next = valid(type, TODAY);

        var refusal = Refusals.check(next, current, true);

        boolean allowed = CONTRACT.get(type).contains(status);
        assertThat(refusal).as("%s in %s", type, status).matches(r -> r.isEmpty() == allowed);
        refusal.ifPresent(r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.allowed()).containsExactlyInAnyOrderElementsOf(CONTRACT.entrySet().stream()
                    .filter(e -> e.getValue().contains(status)).map(Map.Entry::getKey).toList());
            assertThat(r.detail()).contains(status.name(), type.name());
        });
        if (allowed) {
            Authorization after = Lifecycle.asOf(Lifecycle.apply(current, next), TODAY);
            assertThat(after.status()).isEqualTo(type == EventType.SESSION_GIVEN ? status : expectedAfter(type));
        }
    }

    private static AuthStatus expectedAfter(EventType type) {
        return AuthStatus.valueOf(type.name());
    }

    @Test
    void submissionNeedsAPacket() {
        var r = Refusals.check(valid(EventType.SUBMITTED, TODAY), Authorization.NONE, false);
        assertThat(r).get().extracting(Refusals.Refusal::detail).asString().contains("needs a packet of this case (or an exception packet)");
    }

    @Test
    void appealIsAllowedOnTheDeadlineAndRefusedTheDayAfter() {
        LocalDate deniedOn = LocalDate.of(2026, 5, 1);
        Authorization denied = Lifecycle.authorization(List.of(event(EventType.SUBMITTED, deniedOn), denial(deniedOn)),
                TODAY);
        assertThat(denied.appealDeadline()).isEqualTo(deniedOn.plusDays(180)).isEqualTo(LocalDate.of(2026, 10, 28));
        assertThat(Refusals.check(event(EventType.APPEALED, denied.appealDeadline()), denied, true)).isEmpty();
        assertThat(Refusals.check(event(EventType.APPEALED, denied.appealDeadline().plusDays(1)), denied, true))
                .get().extracting(Refusals.Refusal::title).isEqualTo("Appeal deadline passed");
    }

    @Test
    void approvalExpiresTheDayAfterItsLastDayAndAnApprovalEndingInThePastIsExpiredAtOnce() {
        List<EventData> path = List.of(event(EventType.SUBMITTED, TODAY.minusDays(5)),
                approval(TODAY.minusDays(1), TODAY.minusDays(1), TODAY, 4));
        assertThat(Lifecycle.authorization(path, TODAY).status()).isEqualTo(AuthStatus.APPROVED);
        assertThat(Lifecycle.authorization(path, TODAY.plusDays(1)).status()).isEqualTo(AuthStatus.EXPIRED);
        List<EventData> late = List.of(event(EventType.SUBMITTED, TODAY.minusDays(40)),
                approval(TODAY, TODAY.minusDays(30), TODAY.minusDays(1), 4));
        assertThat(Lifecycle.authorization(late, TODAY).status()).isEqualTo(AuthStatus.EXPIRED);
    }

    @Test
    void replayKeepsTheDecisionAndTheLatestSubmission() {
        Authorization a = Lifecycle.authorization(List.of(event(EventType.SUBMITTED, TODAY.minusDays(20)),
                event(EventType.PENDED, TODAY.minusDays(15)), event(EventType.SUBMITTED, TODAY.minusDays(10)),
                denial(TODAY.minusDays(5)), event(EventType.APPEALED, TODAY.minusDays(4)),
                approval(TODAY.minusDays(2), TODAY, TODAY.plusDays(90), 10)), TODAY);
        assertThat(a.status()).isEqualTo(AuthStatus.APPROVED);
        assertThat(a.submittedOn()).isEqualTo(TODAY.minusDays(10));
        assertThat(a.channel()).isEqualTo(Channel.FAX);
        assertThat(a.decidedOn()).isEqualTo(TODAY.minusDays(2));
        assertThat(a.authorizationNumber()).isEqualTo("A-1");
        assertThat(a.sessionsLeft()).isEqualTo(10);
        assertThat(a.denialReason()).isNull();
        assertThat(a.appealDeadline()).isNull();
    }

    @Test
    void theSubmissionsPayerReferenceIsShownAndAResubmissionWithoutOneKeepsIt() {
        EventData first = new EventData(EventType.SUBMITTED, TODAY.minusDays(20), Channel.PORTAL, "REF-1", null, null,
                null, null, null, null, List.of());
        List<EventData> resubmitted = List.of(first, event(EventType.PENDED, TODAY.minusDays(15)),
                event(EventType.SUBMITTED, TODAY.minusDays(10)));

        assertThat(Lifecycle.authorization(List.of(first), TODAY).payerReference()).isEqualTo("REF-1");
        assertThat(Lifecycle.authorization(resubmitted, TODAY).payerReference()).isEqualTo("REF-1");
        assertThat(Lifecycle.authorization(resubmitted, TODAY).channel()).isEqualTo(Channel.FAX);
    }

    @Test
    void aRefusalNamesTheEventsAllowedNowOrSaysThereAreNone() {
        Authorization withdrawn = Lifecycle.authorization(pathTo(AuthStatus.WITHDRAWN), TODAY);
        Authorization denied = Lifecycle.authorization(pathTo(AuthStatus.DENIED), TODAY);

        assertThat(Refusals.check(event(EventType.SUBMITTED, TODAY), withdrawn, true)).get()
                .extracting(Refusals.Refusal::detail).asString().endsWith("Allowed now: none.");
        assertThat(Refusals.check(event(EventType.PENDED, TODAY), denied, true)).get()
                .extracting(Refusals.Refusal::detail).asString().endsWith("Allowed now: APPEALED.");
    }

    @Test
    void aRecordedEventReplaysAsWhatWasSaid() {
        AuthEvent recorded = new AuthEvent(7, UUID.randomUUID(), EventType.SESSION_GIVEN, TODAY, null, null,
                "dose 84 mg", null, null, null, null, null, List.of("G2083"), "north.billing",
                Instant.parse("2026-11-20T10:00:00Z"), List.of());
        AuthEvent withoutCodes = new AuthEvent(8, recorded.caseId(), EventType.SESSION_GIVEN, TODAY, null, null, null,
                null, null, null, null, null, List.of(), "north.billing", recorded.recordedAt(),
                null);

        assertThat(recorded.data()).isEqualTo(new EventData(EventType.SESSION_GIVEN, TODAY, null, null, "dose 84 mg",
                null, null, null, null, null, List.of("G2083")));
        assertThat(withoutCodes.codes()).as("no codes are left out of the answer").isNull();
        assertThat(withoutCodes.data().codes()).isEmpty();
        assertThat(recorded.recordedWarnings()).as("no warnings kept: the member is left out of the answer").isNull();
        assertThat(withoutCodes.keptWarnings()).isEmpty();
    }

    /** approved sessions, sessions already given, date of the next one → used, left, warnings. */
    static Stream<Arguments> sessions() {
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        return Stream.of(
                Arguments.of(2, 0, from, 1, 1, List.of()),
                Arguments.of(2, 1, to, 2, 0, List.of()),
                Arguments.of(2, 2, to, 3, 0, List.of(EventWarning.OVER_APPROVED_SESSIONS)),
                Arguments.of(8, 0, from.minusDays(1), 1, 7, List.of(EventWarning.OUTSIDE_APPROVED_WINDOW)),
                Arguments.of(8, 3, to.plusDays(1), 4, 4, List.of(EventWarning.OUTSIDE_APPROVED_WINDOW)),
                Arguments.of(1, 1, to.plusDays(1), 2, 0,
                        List.of(EventWarning.OUTSIDE_APPROVED_WINDOW, EventWarning.OVER_APPROVED_SESSIONS)));
    }

    @ParameterizedTest(name = "{0} approved, {1} given, next on {2}")
    @MethodSource("sessions")
    void sessionsUsedLeftAndWarnings(int approved, int given, LocalDate date, int used, int left,
                                     List<EventWarning> warnings) {
        LocalDate from = LocalDate.of(2026, 11, 1);
        List<EventData> events = new ArrayList<>(List.of(event(EventType.SUBMITTED, from.minusDays(10)),
                approval(from.minusDays(1), from, LocalDate.of(2026, 11, 30), approved)));
        for (int i = 0; i < given; i++) {
            events.add(event(EventType.SESSION_GIVEN, from));
        }
        events.add(event(EventType.SESSION_GIVEN, date));

        Lifecycle.Replay replay = Lifecycle.replay(events, LocalDate.of(2026, 12, 31));

        assertThat(replay.authorization().sessionsUsed()).isEqualTo(used);
        assertThat(replay.authorization().sessionsLeft()).isEqualTo(left);
        assertThat(replay.warnings().get(events.size() - 1)).containsExactlyElementsOf(warnings);
        assertThat(replay.authorization().status()).isEqualTo(AuthStatus.EXPIRED);
    }

    @Test
    void sessionsLeftNeverGoesBelowZero() {
        assertThat(Sessions.left(2, 5)).isZero();
        assertThat(Sessions.left(null, 1)).isNull();
    }

    static EventData valid(EventType type, LocalDate date) {
        return switch (type) {
            case APPROVED -> approval(date, date, date.plusDays(90), 8);
            case DENIED -> denial(date);
            default -> event(type, date);
        };
    }

    static EventData event(EventType type, LocalDate date) {
        return new EventData(type, date, type == EventType.SUBMITTED ? Channel.FAX : null, null, null, null, null,
                null, null, null, List.of());
    }

    static EventData approval(LocalDate date, LocalDate from, LocalDate to, int sessions) {
        return new EventData(EventType.APPROVED, date, null, null, null, "A-1", from, to, sessions, null, List.of());
    }

    static EventData denial(LocalDate date) {
        return new EventData(EventType.DENIED, date, null, null, null, null, null, null, null, "Not necessary",
                List.of());
    }
}
