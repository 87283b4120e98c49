package dev.authpack.rendering;

import static dev.authpack.support.MessageSentences.dummyArguments;
import static dev.authpack.support.MessageSentences.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sentence of every document bundle (all languages), formatted as the renderer formats it,
 * prints each apostrophe its author wrote exactly once. Administrators edit these bundles without a
 * build, so the quoting rule must hold for every message alike: {@code ''} is one apostrophe whether
 * or not the sentence has placeholders, and a lone {@code '} (which MessageFormat takes as a quote
 * and swallows) is a mistake this test names.
 */
class DocumentMessagesApostropheTest {

    static final Path DOCUMENTS = Path.of("templates/documents");
    static final Pattern BUNDLE_LANGUAGE = Pattern.compile(".*_([a-z]{2})\\.properties");

    @Test
    void everyApostropheInEveryDocumentMessagePrintsOnceAsWritten() throws IOException {
        DocumentTemplates templates = new DocumentTemplates(DOCUMENTS);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path bundle : bundles()) {
            Matcher language = BUNDLE_LANGUAGE.matcher(bundle.getFileName().toString());
            assertThat(language.matches()).as("bundle named NAME_LANG.properties: " + bundle).isTrue();
            Locale locale = Locale.forLanguageTag(language.group(1));
            Properties sentences = read(bundle);
            for (String key : sentences.stringPropertyNames()) {
                String source = sentences.getProperty(key);
                String printed = templates.message(key, locale, dummyArguments(source));
                int pairs = occurrences(source, "''");
                int expected = pairs + (occurrences(source, "'") - 2 * pairs);
                if (printed.contains("''") || occurrences(printed, "'") != expected) {
                    wrong.add(bundle.getFileName() + " " + key + " prints: " + printed);
                }
                checked++;
            }
        }
        assertThat(checked).as("messages checked").isGreaterThan(300);
        assertThat(wrong).as("write every apostrophe as '' (see templates/documents/README.md)").isEmpty();
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(DOCUMENTS.resolve("messages"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static Properties read(Path bundle) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
