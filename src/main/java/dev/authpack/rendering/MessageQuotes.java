package dev.authpack.rendering;

import dev.authpack.content.TemplateException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The document bundles' one quoting rule, checked when they are read: every sentence goes through
 * MessageFormat, so an apostrophe is written {@code ''}, and a single {@code '} only quotes a brace
 * ({@code '{'}). A single one anywhere else is not printed and hides the text up to the next one:
 * a payer would read "the prescribers request". The shipped bundles follow the rule; this catches an
 * administrator's edit before a letter goes out with it, as is a placeholder MessageFormat cannot read.
 */
final class MessageQuotes {

    static final String LONE_APOSTROPHE = "a single ' is dropped from the document: write '' for an apostrophe";

    static final String BAD_PLACEHOLDER = "a placeholder is not closed or not a number: write {0}, {1}... for "
            + "the values, and '{' for a brace";

    private MessageQuotes() {
    }

    /**
     * Whether MessageFormat accepts the sentence: {@code {0} without its brace, or {@code {O}}, fails every
     * document that prints it (a 500 for the clerk) until the file is corrected and the service restarted.
     */
    static boolean formats(String sentence) {
        try {
            new MessageFormat(sentence, Locale.ENGLISH);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The sentences of one {@code .properties} text that break the rule, each with its key and line. */
    static List<Problem> check(String propertiesText) {
        Properties sentences = new Properties();
        try {
            sentences.load(new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // a malformed \\u escape: the message source reports the file itself
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (String key : new TreeSet<>(sentences.stringPropertyNames())) {
            String sentence = sentences.getProperty(key);
            if (hasLoneApostrophe(sentence)) {
                problems.add(new Problem(key, LONE_APOSTROPHE, lineOf(propertiesText, key)));
            } else if (!formats(sentence)) {
                problems.add(new Problem(key, BAD_PLACEHOLDER, lineOf(propertiesText, key)));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return problems;
    }

    /** True when a {@code '} is neither half of {@code ''} nor beside a brace it quotes. */
    static boolean hasLoneApostrophe(String sentence) {
        String rest = sentence.replace("''", "");
        for (int i = rest.indexOf('\''); i >= 0; i = rest.indexOf('\'', i + 1)) {
            boolean braceBefore = i > 0 && isBrace(rest.charAt(i - 1));
            boolean braceAfter = i + 1 < rest.length() && isBrace(rest.charAt(i + 1));
            if (!braceBefore && !braceAfter) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBrace(char c) {
        return c == '{' || c == '}';
    }

    private static int lineOf(String text, String key) {
        Pattern start = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:\\s]");
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (start.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
