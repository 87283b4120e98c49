package dev.authpack.rendering;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateException.Problem;
import dev.authpack.content.TemplateText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every sentence a document prints is there at start-up. A sentence deleted or misspelt in a bundle
 * printed as {@code ??packet.letter.indication_en??} in the packet sent to the payer, and a sentence
 * missing from a translation (or the whole {@code estimate_es.properties}) printed in English on the
 * Spanish estimate: both with no error anywhere. Sentences a template builds from a value
 * ({@code #{'packet.outcome.' + ...}}) cannot be listed here; the translations check covers them in
 * other languages, and each template's tests cover the English ones.
 */
final class SentenceCoverage {

    /** A sentence named literally: {@code #{packet.cover.date}} or {@code #{packet.meta.subject(...)}}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{\\s*([A-Za-z][\\w.-]*)\\s*[}(]");
    /** {@code estimate_es.properties}: family "estimate", language "es". */
    private static final Pattern BUNDLE = Pattern.compile("(.+)_([a-z]{2})(?:_[A-Z]{2})?\\.properties");

    private SentenceCoverage() {
    }

    /** Each sentence a template names literally is known ({@code known}: in a bundle, English being the fallback). */
    static void checkTemplates(Path documents, Map<String, String> templates, Predicate<String> known) {
        for (Map.Entry<String, String> template : templates.entrySet()) {
            List<Problem> problems = new ArrayList<>();
            Matcher m = LITERAL_KEY.matcher(template.getValue());
            while (m.find()) {
                if (!known.test(m.group(1))) {
                    problems.add(new Problem("", "prints the sentence '" + m.group(1) + "', which no file in messages/ "
                            + "has: the document would show ??" + m.group(1) + "_en??", lineOf(template.getValue(), m.start())));
                }
            }
            if (!problems.isEmpty()) {
                throw new TemplateException(documents.resolve(template.getKey() + ".html").toAbsolutePath(), problems);
            }
        }
    }

    /** Each translation ({@code estimate_es.properties}) has every sentence of its English file. */
    static void checkTranslations(Path messages) {
        if (!Files.isDirectory(messages)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(messages)) {
            files = listing.filter(f -> BUNDLE.matcher(String.valueOf(f.getFileName())).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + messages, e);
        }
        for (Path file : files) {
            Matcher name = BUNDLE.matcher(String.valueOf(file.getFileName()));
            name.matches();
            Path english = messages.resolve(name.group(1) + "_en.properties");
            if (name.group(2).equals("en") || !Files.isRegularFile(english)) {
                continue;
            }
            Properties translated = load(file);
            List<Problem> problems = new ArrayList<>();
            for (String key : new TreeSet<>(load(english).stringPropertyNames())) {
                if (!translated.containsKey(key)) {
                    problems.add(new Problem(key, "missing: " + english.getFileName() + " has this sentence, and "
                            + "without a translation it is printed in English", 0));
                }
            }
            if (!problems.isEmpty()) {
                throw new TemplateException(file.toAbsolutePath(), problems);
            }
        }
    }

    private static Properties load(Path file) {
        Properties sentences = new Properties();
        try {
            sentences.load(new StringReader(TemplateText.read(file.toAbsolutePath())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(file.toAbsolutePath(), "a malformed \\u escape: write the character itself (UTF-8)");
        }
        return sentences;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
