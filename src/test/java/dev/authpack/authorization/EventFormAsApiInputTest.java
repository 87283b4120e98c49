package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The case page's event form read as the API's input: the JSON event, the count of events seen, the type. */
class EventFormAsApiInputTest {

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    @ParameterizedTest(name = "{0} = [{1}] → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "date             | 2026-11-20                   | {'date':'2026-11-20'}",
            "date             | ` 2026-11-20 `               | {'date':'2026-11-20'}",
            "approvedSessions | 8                            | {'approvedSessions':8}",
            "approvedSessions | eight                        | {'approvedSessions':'eight'}",
            "approvedSessions | 1234567890                   | {'approvedSessions':'1234567890'}",
            "codes            | G2083, 99213  J0013.1-X      | {'codes':['G2083','99213','J0013.1-X']}",
            "codes            | ` , `                        | {'codes':[]}",
            "codes            | G 2083, 99213 g  2082        | {'codes':['G2083','99213','g2082']}",
            "codes            | 99213 G2083.1 2083           | {'codes':['99213','G2083.1','2083']}",
            "note             | `   `                        | {}",
            "_csrf            | token                        | {}",
            "seenEvents       | 3                            | {}",
    })
    void eachFieldBecomesTheApisMemberOrNothingWhenEmpty(String name, String typed, String json) {
        assertThat(EventForm.event(form(name, typed)).toString()).isEqualTo(json.replace('\'', '"'));
    }

    /**
     * Enter in the denial reason's box is joined with a space, not refused as a control character: by the
     * binder, the one place that does it for the form and the API.
     */
    @Test
    void theLinesOfTheDenialReasonAreJoinedWithASpaceByTheApisBinder() {
        var event = EventForm.event(form("type", "DENIED", "date", "2026-11-20",
                "reason", "Step therapy not met.\r\n\r\n  See section 4.2 "));

        assertThat(EventBinder.bind(event, java.time.LocalDate.of(2026, 11, 20), null).event().reason())
                .isEqualTo("Step therapy not met. See section 4.2");
    }

    @Test
    void aFieldSentWithoutAValueIsLeftOut() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.put("note", new java.util.ArrayList<>());
        form.add("reason", null);

        assertThat(EventForm.event(form).toString()).isEqualTo("{}");
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "3       | 3",
            "` 7 `   | 7",
            "0       | 0",
            "``      | ",
            "`  `    | ",
    })
    void theCountOfEventsThePageShowedIsAWholeNumberOrNoCheck(String typed, Integer seen) {
        assertThat(EventForm.seenEvents(form("seenEvents", typed)))
                .isEqualTo(seen == null ? OptionalInt.empty() : OptionalInt.of(seen));
    }

    @Test
    void aFormWithoutTheCountIsNotChecked() {
        assertThat(EventForm.seenEvents(form("type", "SUBMITTED"))).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"-1", "three", "1234567890", "2.0"})
    void aCountThatIsNotAWholeNumberIsTheFormsProblem(String typed) {
        assertThatThrownBy(() -> EventForm.seenEvents(form("seenEvents", typed)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("seenEvents"));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "APPROVED        | APPROVED",
            "` session_given ` | SESSION_GIVEN",
            "LOST            | ",
            "``              | ",
    })
    void theTypeIsReadAsTheBinderReadsIt(String typed, EventType type) {
        assertThat(EventForm.type(form("type", typed))).isEqualTo(type);
    }

    @Test
    void aFormWithoutATypeNamesNone() {
        assertThat(EventForm.type(form("date", "2026-11-20"))).isNull();
    }
}
