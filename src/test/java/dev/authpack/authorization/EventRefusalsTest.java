package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.FormProblems;
import dev.authpack.support.WebMessages;
import dev.authpack.web.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the case page says of an event it did not record, with the sentences of the page's own bundle. */
class EventRefusalsTest {

    private static final EventRefusals REFUSALS = new EventRefusals(WebMessages.source(), new Times());

    @ParameterizedTest(name = "{0}: {1} → {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "codes[1]            | must be a billing code such as G2083 | SESSION_GIVEN | Billing code 2: must be a billing code such as G2083",
            "approvedTo          | must not be before approvedFrom      | APPROVED      | Approved to: must not be before “Approved from”",
            "date                | must be a date YYYY-MM-DD            | DENIED        | Date: must be a date YYYY-MM-DD",
            "reason              | reason must be text                  | DENIED        | Denial reason, as the payer gave it: must be text",
            "type                | is required: one of SUBMITTED, PENDED |              | type: is required: one of SUBMITTED, PENDED",
            "mystery             | is odd                               | PENDED        | mystery: is odd",
            "``                  | the event must be a JSON object      |               | the event must be a JSON object",
    })
    void aRefusedFieldIsSaidOfItsLabelOnTheForm(String field, String message, EventType type, String shown) {
        assertThat(REFUSALS.field(new FieldProblem(field, message), type, Locale.ENGLISH)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "authorizationNumber | APPROVED      | Authorization number: is required to record “Approved”",
            "date                | SESSION_GIVEN | Date: is required to record “Session given”",
    })
    void aFieldTheEventNeedsIsAskedForWithTheTimelinesNameOfTheEvent(String field, EventType type, String shown) {
        assertThat(REFUSALS.field(new FieldProblem(field, EventBinder.requiredFor(type)), type, Locale.ENGLISH))
                .isEqualTo(shown);
    }

    @Test
    void aFieldTheEventDoesNotTakeIsSaidWithTheTimelinesNameOfTheEvent() {
        assertThat(REFUSALS.field(new FieldProblem("codes", EventBinder.notTakenBy(EventType.DENIED)), EventType.DENIED,
                Locale.ENGLISH)).isEqualTo("Billing codes (optional, comma-separated): is not asked for when recording “Denied”");
    }

    @Test
    void eachRefusedInputGetsItsProblemsJoinedAndTheListKeepsThemAll() {
        FormProblems fields = REFUSALS.fields(List.of(new FieldProblem("codes[0]", "must be a billing code such as G2083"),
                new FieldProblem("codes[2]", "must be a billing code such as G2083"),
                new FieldProblem("", "the event must be a JSON object")), EventType.SESSION_GIVEN, Locale.ENGLISH);

        assertThat(fields.text("codes")).isEqualTo("Billing code 1: must be a billing code such as G2083; "
                + "Billing code 3: must be a billing code such as G2083");
        assertThat(fields.has("date")).isFalse();
        assertThat(fields.lines()).extracting(FormProblems.Line::text).containsExactly(
                "Billing code 1: must be a billing code such as G2083", "Billing code 3: must be a billing code such as G2083",
                "the event must be a JSON object");
    }

    @ParameterizedTest(name = "{0} while {1}")
    @CsvSource(delimiter = '|', value = {
            "DENIED    | APPROVED  | “Denied” cannot be recorded while the authorization is Approved; allowed now: “Session given”.",
            "PENDED    | DENIED    | “Pended by the payer” cannot be recorded while the authorization is Denied; allowed now: “Appealed”.",
            "APPROVED  | WITHDRAWN | “Approved” cannot be recorded while the authorization is Withdrawn; no event can be recorded in this status.",
    })
    void anEventTheStatusRefusesSaysWhatIsAllowedNow(EventType type, AuthStatus status, String shown) {
        assertThat(REFUSALS.notAllowed(type, status, Locale.ENGLISH)).contains(shown);
    }

    @Test
    void anEventTheStatusAllowsIsNotRefused() {
        assertThat(REFUSALS.notAllowed(EventType.SESSION_GIVEN, AuthStatus.EXPIRED, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void anEventRecordedMeanwhileIsNamedWithWhoAndWhenAndThePressCanBeRepeated() {
        ChangedSinceException since = new ChangedSinceException(List.of(session("north.billing")), AuthStatus.APPROVED);

        assertThat(REFUSALS.changedSince(since, "SESSION_GIVEN", Locale.ENGLISH)).isEqualTo("Since you opened this page,"
                + " north.billing recorded “Session given” dated 2026-11-20 (at 2026-11-20 14:05 UTC). Nothing was recorded."
                + " Check the timeline: if yours is another event (another session, say), press “Session given” again.");
        assertThat(REFUSALS.changedSince(since, "LOST", Locale.ENGLISH)).as("a type the form did not name")
                .endsWith("press “LOST” again.");
    }

    @Test
    void anEventRecordedMeanwhileThatMadeTheClerksEventImpossibleSaysSo() {
        ChangedSinceException since = new ChangedSinceException(List.of(session("a"), session("b")), AuthStatus.APPROVED);

        assertThat(REFUSALS.changedSince(since, "DENIED", Locale.ENGLISH)).isEqualTo("Since you opened this page,"
                + " a recorded “Session given” dated 2026-11-20 (at 2026-11-20 14:05 UTC); b recorded “Session given”"
                + " dated 2026-11-20 (at 2026-11-20 14:05 UTC). Nothing was recorded: “Denied” cannot be recorded now"
                + " that the authorization is Approved.");
    }

    private static AuthEvent session(String by) {
        return new AuthEvent(1, UUID.randomUUID(), EventType.SESSION_GIVEN, LocalDate.of(2026, 11, 20), null, null, null,
                null, null, null, null, null, List.of("G2083"), by, Instant.parse("2026-11-20T14:05:31Z"),
                List.of());
    }
}
