package dev.authpack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.document.DocumentKind;
import dev.authpack.support.WebMessages;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The audit log page offers every action in its filter and words every row's action and outcome from the web
 * bundle: an action added without its sentence showed as "??audit.action.CONTENT_REJUDGED_en??" in the filter
 * (and as the bare enum name in the rows and the CSV's action_text).
 */
class AuditWordsTest {

    private final Properties bundle = WebMessages.properties("/messages.properties");

    @Test
    void everyAuditActionHasASentenceForTheFilterTheRowsAndTheCsv() {
        assertThat(Arrays.stream(AuditAction.values()).map(a -> "audit.action." + a)
                .filter(key -> bundle.getProperty(key) == null)).as("actions without a sentence").isEmpty();
    }

    @Test
    void everyDocumentKindHasAWordForTheLinesNamingIt() {
        assertThat(Arrays.stream(DocumentKind.values()).map(k -> "audit.document." + k)
                .filter(key -> bundle.getProperty(key) == null)).as("kinds without a word").isEmpty();
    }

    @Test
    void everyAuditOutcomeHasASentence() {
        assertThat(Arrays.stream(AuditOutcome.values()).map(o -> "audit.outcome." + o)
                .filter(key -> bundle.getProperty(key) == null)).as("outcomes without a sentence").isEmpty();
    }
}
