package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The document bundles' quoting rule, checked when they are read: an administrator's single
 * apostrophe would vanish from a letter to the payer, so start-up names it instead.
 */
class MessageQuotesTest {

    @ParameterizedTest(name = "{0} -> lone: {1}")
    // the sentences are full of the default quote character, so cells are not quoted
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "at the prescriber''s request                 | false",
        "at the prescriber's request                  | true",
        "the patient''s {0} and the plan''s {1}       | false",
        "{0} is the prescriber's                      | true",
        "braces print as '{' and '}'                   | false",
        "'{0}' stays literal                          | false",
        "the patient’s record (typographic)           | false",
        "''                                           | false",
        "'                                            | true",
        "don't                                        | true",
        "no apostrophe at all                         | false",
    })
    void aSingleApostropheIsAMistakeUnlessItQuotesABrace(String sentence, boolean lone) {
        assertThat(MessageQuotes.hasLoneApostrophe(sentence)).isEqualTo(lone);
    }

    @Test
    void eachMistakeIsNamedByItsKeyAndTheLineTheKeyIsOn() {
        String bundle = """
                # a comment with a ' in it is not a sentence
                packet.ok=the plan''s rules
                packet.long=first part, \\
                  and the prescriber's part
                packet.second = it's here
                """;

        assertThat(MessageQuotes.check(bundle)).containsExactly(
                new Problem("packet.long", MessageQuotes.LONE_APOSTROPHE, 3),
                new Problem("packet.second", MessageQuotes.LONE_APOSTROPHE, 5));
    }

    @Test
    void anEditedBundleWithASingleApostropheStopsStartUpNamingFileKeyAndLine(@TempDir Path documents) throws IOException {
        Path bundle = Files.createDirectories(documents.resolve("messages")).resolve("letter_en.properties");
        Files.writeString(bundle, "letter.title=Request\nletter.body=at the prescriber's request\n");

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessage(bundle.toAbsolutePath() + ": at letter.body: " + MessageQuotes.LONE_APOSTROPHE + " (line 2)");
    }

    /** MessageFormat refuses these when a document prints them: every such document failed, now start-up does. */
    @Test
    void aPlaceholderMessageFormatCannotReadStopsStartUpNamingKeyAndLine(@TempDir Path documents) throws IOException {
        Path bundle = Files.createDirectories(documents.resolve("messages")).resolve("letter_en.properties");
        Files.writeString(bundle, "letter.title=Request for {0}\nletter.body=Dear {0, we write\nletter.sign=Signed {O}\n");

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessage(bundle.toAbsolutePath() + ": at letter.body: " + MessageQuotes.BAD_PLACEHOLDER + " (line 2); "
                        + "at letter.sign: " + MessageQuotes.BAD_PLACEHOLDER + " (line 3)");
    }

    @Test
    void theShippedBundlesFollowTheRule() {
        assertThatCode(() -> new DocumentTemplates(Path.of("templates", "documents"))).doesNotThrowAnyException();
    }
}
