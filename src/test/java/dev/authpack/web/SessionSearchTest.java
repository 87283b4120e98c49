package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpSession;

/** A page's search kept in the session: stripped, cut to 200 characters, cleared by nothing, its own per page. */
class SessionSearchTest {

    @ParameterizedTest(name = "''{0}'' × {1} is kept as {2} characters")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ' Reyes '  | 1   | 5
            x          | 199 | 199
            x          | 200 | 200
            x          | 201 | 200
            '   '      | 1   | 0
            null       | 1   | 0
            """)
    void aSearchIsKeptStrippedAndCutToTheFieldsLength(String text, int times, int kept) {
        MockHttpSession session = new MockHttpSession();
        SessionSearch cases = new SessionSearch("cases.search");
        SessionSearch documents = new SessionSearch("documents.search");
        documents.keep(session, "Lee");

        cases.keep(session, text == null ? null : text.repeat(times));

        assertThat(cases.read(session)).hasSize(kept);
        if (text != null && kept > 0) {
            assertThat(cases.read(session)).isEqualTo(text.strip().repeat(times).substring(0, kept));
        }
        assertThat(documents.read(session)).isEqualTo("Lee");
        assertThat(new SessionSearch("other").read(session)).isEmpty();
    }
}
