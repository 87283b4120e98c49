package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * A page's search kept in the session: stripped, its own per page; a text over 200 characters is refused, not cut,
 * the search kept before staying, and the refusal names the limit and the length sent.
 */
class SessionSearchTest {

    @ParameterizedTest(name = "''{0}'' × {1} is kept as {2} characters")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ' Reyes '  | 1   | 5
            x          | 199 | 199
            x          | 200 | 200
            '   '      | 1   | 0
            null       | 1   | 0
            """)
    void aSearchIsKeptStrippedInItsPagesOwnPlace(String text, int times, int kept) {
        MockHttpSession session = new MockHttpSession();
        SessionSearch cases = new SessionSearch("cases.search");
        SessionSearch documents = new SessionSearch("documents.search");
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        documents.keep(session, "Lee", redirect);

        assertThat(cases.keep(session, text == null ? null : text.repeat(times), redirect)).isTrue();

        assertThat(cases.read(session)).hasSize(kept);
        if (text != null && kept > 0) {
            assertThat(cases.read(session)).isEqualTo(text.repeat(times).strip());
        }
        assertThat(documents.read(session)).isEqualTo("Lee");
        assertThat(new SessionSearch("other").read(session)).isEmpty();
        assertThat(redirect.getFlashAttributes()).isEmpty();
    }

    /**
     * A search longer than the box takes was cut to its first 200 characters and searched for, shown as if typed; it
     * is now refused: the search kept before stays, and the page is told the limit and the length sent (not the text).
     */
    @ParameterizedTest(name = "{0} characters are refused")
    @CsvSource({"201", "10000"})
    void aSearchLongerThanTheBoxTakesIsRefusedAndTheSearchBeforeItStays(int length) {
        MockHttpSession session = new MockHttpSession();
        SessionSearch cases = new SessionSearch("cases.search");
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        cases.keep(session, "Reyes", redirect);

        assertThat(cases.keep(session, "y".repeat(length), redirect)).isFalse();

        assertThat(cases.read(session)).isEqualTo("Reyes");
        assertThat(cases.keep(session, "  " + "y".repeat(200) + "\n", new RedirectAttributesModelMap()))
                .as("spaces around 200 characters do not count").isTrue();
        assertThat(redirect.getFlashAttributes().get(SessionSearch.TOO_LONG)).isEqualTo(new SessionSearch.TooLong(200, length));
    }
}
