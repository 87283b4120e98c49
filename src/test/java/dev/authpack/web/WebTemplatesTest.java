package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails the build when a page template holds text a user would read that does not come from
 * {@code messages.properties}, names a message key the bundle lacks, carries inline script or
 * style (the Content-Security-Policy forbids them), or an HTML comment the browser would be sent.
 */
class WebTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** A tag, whose quoted attribute values may hold '>' (as in th:if="${n > 0}"). */
    private static final Pattern TAG = Pattern.compile("<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>");
    private static final Pattern VISIBLE_ATTRIBUTE =
            Pattern.compile("(?<![\\w:-])(placeholder|title|alt|aria-label|label)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.]+)[}(]");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER_OR_STYLE =
            Pattern.compile("\\s(on[a-z]+|style|th:style|th:on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templateHoldsNoLiteralText(Path template) throws IOException {
        String html = COMMENT.matcher(Files.readString(template)).replaceAll("");
        List<String> literal = new ArrayList<>();
        for (String text : TAG.split(html)) {
            if (text.codePoints().anyMatch(Character::isLetter)) {
                literal.add(text.strip());
            }
        }
        Matcher attribute = VISIBLE_ATTRIBUTE.matcher(html);
        while (attribute.find()) {
            if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                literal.add(attribute.group());
            }
        }
        assertThat(literal).as("literal text in %s: use th:text=\"#{key}\" with messages.properties", template)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyMessageKeyIsInTheBundle(Path template) throws IOException {
        Properties bundle = bundle();
        Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
        List<String> unknown = new ArrayList<>();
        while (key.find()) {
            if (!bundle.containsKey(key.group(1))) {
                unknown.add(key.group(1));
            }
        }
        assertThat(unknown).as("message keys of %s missing from messages.properties", template).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templateHasNoInlineScriptOrStyle(Path template) throws IOException {
        String html = Files.readString(template);
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in %s", template).isFalse();
        assertThat(INLINE_HANDLER_OR_STYLE.matcher(html).find()).as("inline handler or style in %s", template).isFalse();
        assertThat(html).as("<style> in %s", template).doesNotContain("<style");
    }

    /**
     * A note for developers is a parser-level comment ({@code <!--/* ... *}{@code /-->}), which Thymeleaf drops: an
     * HTML comment is sent to every browser, in a list once a row (Recent documents sent one 50 times a page).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templateSendsNoHtmlComment(Path template) throws IOException {
        List<String> sent = new ArrayList<>();
        Matcher comment = COMMENT.matcher(Files.readString(template));
        while (comment.find()) {
            if (!comment.group().startsWith("<!--/*")) {
                sent.add(comment.group());
            }
        }
        assertThat(sent).as("HTML comments sent to the browser by %s: write <!--/* ... */-->", template).isEmpty();
    }

    private static Properties bundle() {
        Properties p = new Properties();
        try (InputStream in = WebTemplatesTest.class.getResourceAsStream("/messages.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
