package dev.authpack.rendering;

import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateException.Problem;
import dev.authpack.content.TemplateText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The document templates ({@code documents/*.html}) as they were when the service started, each
 * checked to be UTF-8 and well-formed XML. Templates used to be read from disk on first use: one an
 * administrator was still editing was read half-done by whichever document came first, a broken one
 * then stayed cached after the file was put right (every estimate a 500 until a restart), and the
 * packet templates, parsed by the start-up warm-up, ignored edits altogether. Now every template is
 * read once, like the YAML files: an edit takes effect on a restart, and a file that is not
 * well-formed (a tag not closed, an end tag that does not match) stops start-up naming it and its line:
 * the PDF step parses the filled template as XML, and failed every such document.
 */
final class TemplateSnapshot extends AbstractTemplateResolver {

    /** A fragment expression naming another template: {@code ~{packet-cover :: cover}}. */
    /** A quoted attribute value ({@code ="..."} or {@code ='...'}). */
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("=\\s*(\"[^\"]*\"|'[^']*')");
    /** An {@code &} that does not start one of XML's own entities or a character reference. */
    private static final Pattern NOT_XML_ENTITY = Pattern.compile("&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)");
    /** A CSS font-family declaration and its list of families. */
    private static final Pattern FONT_FAMILY = Pattern.compile("font-family\\s*:\\s*([^;}\"<]+)");
    private static final Set<String> EMBEDDED_FONTS = Set.of(DocumentFonts.FAMILY, DocumentFonts.FALLBACK_FAMILY);
    private static final Pattern FRAGMENT = Pattern.compile("~\\{\\s*([A-Za-z0-9_-]+)\\s*::");

    private final Map<String, String> templates;

    private TemplateSnapshot(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
        setCheckExistence(true);
    }

    /** Reads and checks every {@code *.html} of the folder; a bad one is a {@link TemplateException} naming it. */
    static TemplateSnapshot read(Path folder) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> String.valueOf(f.getFileName()).endsWith(".html")).sorted().toList()) {
                String text = TemplateText.read(file.toAbsolutePath());
                checkWellFormed(file.toAbsolutePath(), text);
                String name = String.valueOf(file.getFileName());
                texts.put(name.substring(0, name.length() - ".html".length()), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        texts.forEach((name, text) -> checkFragments(folder.resolve(name + ".html").toAbsolutePath(), text, texts));
        texts.forEach((name, text) -> checkFonts(folder.resolve(name + ".html").toAbsolutePath(), text));
        return new TemplateSnapshot(texts);
    }

    /** Each template's text by name ({@code packet-cover}). */
    Map<String, String> texts() {
        return templates;
    }

    /** Whether the folder has {@code <name>.html}. */
    boolean has(String name) {
        return templates.containsKey(name);
    }

    /** A section inserted from another file ({@code ~{packet-cover :: cover}}) whose file is not there stops start-up. */
    private static void checkFragments(Path file, String text, Map<String, String> texts) {
        Matcher m = FRAGMENT.matcher(text);
        while (m.find()) {
            if (!texts.containsKey(m.group(1))) {
                throw new TemplateException(file, List.of(new Problem("", "inserts a section of " + m.group(1)
                        + ".html, which is not in the documents folder", lineOf(text, m.start()))));
            }
        }
    }

    /**
     * Only the embedded fonts exist (a PDF/A embeds every font it draws with): a font the service does not
     * have, {@code font-family: 'Arial Narrow'}, failed every document of the template with an error.
     */
    private static void checkFonts(Path file, String text) {
        Matcher m = FONT_FAMILY.matcher(text);
        while (m.find()) {
            for (String family : m.group(1).split(",")) {
                String name = family.strip().replaceAll("^['\"]|['\"]$", "");
                if (!EMBEDDED_FONTS.contains(name)) {
                    throw new TemplateException(file, List.of(new Problem("", "font '" + name + "' is not one the "
                            + "service has: write font-family: '" + DocumentFonts.FAMILY + "', '"
                            + DocumentFonts.FALLBACK_FAMILY + "'", lineOf(text, m.start()))));
                }
            }
        }
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * The PDF step parses the filled template as XML, and Thymeleaf's own XML parser lets some mistakes
     * through to it: checking the file as XML finds them before any clerk's document does.
     */
    private static void checkWellFormed(Path file, String text) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(expressionsQuoted(text))), new DefaultHandler());
        } catch (SAXParseException e) {
            throw new TemplateException(file, List.of(new Problem("", "not well-formed XHTML: " + e.getMessage()
                    + (e.getColumnNumber() > 0 ? " (column " + e.getColumnNumber() + ")" : ""),
                    Math.max(0, e.getLineNumber()))));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be set up", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Thymeleaf reads {@code <} inside an attribute ({@code th:if="${a < b}"}) as the comparison it is, where
     * XML wants {@code &lt;}: written as XML would have it, on the same line, so the check does not refuse
     * what the engine accepts and still names the right line.
     */
    private static String expressionsQuoted(String text) {
        Matcher m = ATTRIBUTE_VALUE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace("<", "&lt;")));
        }
        // &nbsp; and a bare & print as meant (the engine reads HTML): only the tags are checked here
        return NOT_XML_ENTITY.matcher(m.appendTail(out)).replaceAll("&amp;");
    }

    @Override
    protected boolean computeResolvable(IEngineConfiguration configuration, String ownerTemplate, String template,
                                        Map<String, Object> attributes) {
        return templates.containsKey(template);
    }

    @Override
    protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                        String template, Map<String, Object> attributes) {
        return new StringTemplateResource(templates.get(template));
    }

    @Override
    protected TemplateMode computeTemplateMode(IEngineConfiguration configuration, String ownerTemplate,
                                               String template, Map<String, Object> attributes) {
        // what Thymeleaf's file resolver chose for a ".html" file all along (the suffix wins over its XML setting):
        // its HTML parser takes &nbsp; and a bare & that the PDF step accepts too, and lays documents out as before
        return TemplateMode.HTML;
    }

    @Override
    protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                                                  String template, Map<String, Object> attributes) {
        return AlwaysValidCacheEntryValidity.INSTANCE;
    }
}
