package dev.authpack.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class EstimateTemplateTest {

    private static final Path DOCUMENTS = Path.of("templates/documents");

    @Test
    void spanishBundleTranslatesEverySentenceOfTheEnglishOne() throws IOException {
        Properties en = bundle("estimate_en");
        Properties es = bundle("estimate_es");

        assertThat(es.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        List<String> untranslated = en.stringPropertyNames().stream()
                .filter(k -> en.getProperty(k).equals(es.getProperty(k)) && en.getProperty(k).length() > 4).toList();
        assertThat(untranslated).isEmpty();
    }

    @Test
    void templateHoldsNoLiteralSentences() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(DOCUMENTS.resolve("estimate.html").toFile())
                .getDocumentElement();

        List<String> literal = new ArrayList<>();
        collectLiteralText(root, literal);

        assertThat(literal).as("text not replaced by th:text (put sentences in the bundles)").isEmpty();
    }

    private static void collectLiteralText(Node node, List<String> literal) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                boolean replaced = e.hasAttributeNS("http://www.thymeleaf.org", "text")
                        || e.getLocalName().equals("style");
                if (!replaced) {
                    collectLiteralText(e, literal);
                }
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getTextContent().isBlank()) {
                literal.add(child.getTextContent().strip());
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(DOCUMENTS.resolve("messages/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
