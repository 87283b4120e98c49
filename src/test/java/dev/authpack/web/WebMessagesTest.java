package dev.authpack.web;

import static dev.authpack.support.MessageSentences.dummyArguments;
import static dev.authpack.support.MessageSentences.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.WebMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The web UI's sentences as the pages print them. The web bundle keeps Spring Boot's quoting rule
 * (a sentence is run through MessageFormat only when it has arguments), so an apostrophe is {@code '}
 * in a sentence without placeholders and {@code ''} in one with them; this test names a sentence that
 * breaks the rule before a page shows a doubled or lost apostrophe. Counts read as words.
 */
class WebMessagesTest {

    @Test
    void everyApostropheInEveryWebMessagePrintsOnceAsWritten() {
        Properties bundle = WebMessages.properties("/messages.properties");
        ResourceBundleMessageSource web = WebMessages.source();
        List<String> wrong = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String source = bundle.getProperty(key);
            Object[] args = dummyArguments(source);
            String printed = web.getMessage(key, args, Locale.ENGLISH);
            int pairs = occurrences(source, "''");
            int expected = WebMessages.alwaysUseMessageFormat() || args.length > 0 ? pairs + (occurrences(source, "'") - 2 * pairs)
                    : occurrences(source, "'");
            if (printed.contains("''") || occurrences(printed, "'") != expected) {
                wrong.add(key + " prints: " + printed);
            }
        }
        assertThat(bundle.size()).as("messages checked").isGreaterThan(500);
        assertThat(wrong).as("in messages.properties write ' without placeholders, '' with them").isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1, 1 earlier identical copy",
            "2, 2 earlier identical copies",
            "12, 12 earlier identical copies",
    })
    void earlierIdenticalCopiesAreCountedInWords(int copies, String shown) {
        assertThat(WebMessages.source().getMessage("docs.earlier", new Object[] {copies}, Locale.ENGLISH))
                .isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} days to the deadline → {1}")
    @CsvSource(delimiter = ';', value = {
            "12; 2026-12-12 (12 days left)",
            "1; 2026-12-12 (1 day left)",
            "0; 2026-12-12 (last day today)",
            "-1; 2026-12-12 (passed)",
            "-40; 2026-12-12 (passed)",
    })
    void theAppealDeadlineSaysHowManyDaysAreLeftOrThatItHasPassed(long daysLeft, String shown) {
        Object[] args = {java.time.LocalDate.of(2026, 12, 12), daysLeft};
        assertThat(WebMessages.source().getMessage("auth.appealDeadline.days", args, Locale.ENGLISH)).isEqualTo(shown);
    }
}
