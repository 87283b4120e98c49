package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.content.TemplateException;
import dev.authpack.support.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Document templates and their sentences are read once, at start-up, and checked there: an administrator's
 * edit under a running service neither reaches a clerk's document half-done nor sticks after it is put right,
 * and a file that cannot work stops start-up naming itself and its line instead of failing clerks' documents.
 * Each test edits a copy of the shipped documents folder.
 */
class TemplatesReadAtStartUpTest {

    record Note(String text) {
    }

    @TempDir
    Path dir;

    @Test
    void aTemplateBrokenWhileTheServiceRunsIsNotUsedDocumentsKeepTheStartUpVersion() throws IOException {
        Path documents = copyOfShippedDocuments();
        Files.writeString(documents.resolve("note.html"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <body><p th:text="${vm.text}">text</p></body></html>
                """);
        DocumentTemplates templates = new DocumentTemplates(documents);

        // the administrator saves a reference to a value the view model does not have, then puts it right
        Files.writeString(documents.resolve("note.html"), Files.readString(documents.resolve("note.html"))
                .replace("${vm.text}", "${vm.nosuchvalue.text}"));
        assertThat(templates.fill("note", new Note("first"), Locale.ENGLISH)).contains("<p>first</p>");
        Files.writeString(documents.resolve("note.html"), Files.readString(documents.resolve("note.html"))
                .replace("${vm.nosuchvalue.text}", "${vm.text}"));
        assertThat(templates.fill("note", new Note("second"), Locale.ENGLISH)).contains("<p>second</p>");
    }

    @Test
    void aBundleEditedWhileTheServiceRunsIsNotReadHalfDone() throws IOException {
        Path documents = copyOfShippedDocuments();
        DocumentTemplates templates = new DocumentTemplates(documents);

        // saved half-way before any Spanish document was made on this instance
        Files.writeString(documents.resolve("messages/estimate_es.properties"), "estimate.title.selfPay=Presupuesto a medio\n");

        assertThat(templates.message("estimate.title.selfPay", Locale.forLanguageTag("es")))
                .isEqualTo("Estimación de buena fe");
    }

    @Test
    void aTemplateWithATagLeftOpenStopsStartUpNamingFileAndLine() throws IOException {
        Path documents = copyOfShippedDocuments();
        Path letter = documents.resolve("packet-letter.html");
        Files.writeString(letter, Files.readString(letter).replaceFirst("</p>", ""));

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(letter.toAbsolutePath() + ": not well-formed XHTML: ")
                .hasMessageContaining("\"p\"")
                .hasMessageMatching("(?s).*\\(line \\d+\\)$");
    }

    /** Both always printed as meant: the check refuses what fails documents, nothing that worked. */
    @Test
    void anHtmlEntityAndABareAmpersandStillStartAndPrint() throws IOException {
        Path documents = copyOfShippedDocuments();
        Files.writeString(documents.resolve("note.html"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <body><p>Smith &amp; Sons, Jones & Co.&nbsp;<span th:text="${vm.text}">x</span></p></body></html>
                """);

        assertThat(new DocumentTemplates(documents).fill("note", new Note("Reyes"), Locale.ENGLISH))
                .contains("Jones & Co.&nbsp;<span>Reyes</span>");
    }

    @Test
    void aTemplateInsertingSectionsOfADeletedFileStopsStartUpNamingItsLine() throws IOException {
        Path documents = copyOfShippedDocuments();
        Files.delete(documents.resolve("packet-history.html"));

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(documents.resolve("packet.html").toAbsolutePath()
                        + ": inserts a section of packet-history.html, which is not in the documents folder (line ");
    }

    @Test
    void aBundleSavedAsLatin1StopsStartUpNamingTheLineOfTheFirstAccent() throws IOException {
        Path documents = copyOfShippedDocuments();
        Path spanish = documents.resolve("messages/estimate_es.properties");
        String text = Files.readString(spanish);
        int accentLine = (int) text.lines().takeWhile(l -> l.chars().allMatch(c -> c < 0x80)).count() + 1;
        Files.write(spanish, text.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(spanish.toAbsolutePath() + ": the file is not UTF-8 text")
                .hasMessageEndingWith("save the file as UTF-8 (line " + accentLine + ")");
    }

    @Test
    void aDeletedDocumentTemplateStopsStartUpNamingIt() throws IOException {
        Path templates = dir.resolve("templates");
        copyOfShippedDocuments();
        Files.delete(templates.resolve("documents/appeal.html"));
        PdfRenderer renderer = PdfRenderer.create(templates, true);

        assertThatThrownBy(() -> renderer.requireTemplate("appeal"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(templates.resolve("documents/appeal.html").toAbsolutePath() + ": file not found");
    }

    @Test
    void aSentenceDeletedFromItsBundleStopsStartUpNamingTheTemplateThatPrintsIt() throws IOException {
        Path documents = copyOfShippedDocuments();
        Path bundle = documents.resolve("messages/packet_en.properties");
        Files.writeString(bundle, Files.readString(bundle).replaceFirst("(?m)^packet\\.letter\\.indication=.*\\R", ""));

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(documents.resolve("packet-letter.html").toAbsolutePath() + ": prints the sentence "
                        + "'packet.letter.indication', which no file in messages/ has: the document would show "
                        + "??packet.letter.indication_en?? (line ");
    }

    @Test
    void aSentenceMissingFromTheSpanishBundleStopsStartUpNamingIt() throws IOException {
        Path documents = copyOfShippedDocuments();
        Path spanish = documents.resolve("messages/estimate_es.properties");
        Files.writeString(spanish, Files.readString(spanish).replaceFirst("(?m)^estimate\\.title\\.selfPay=.*\\R", ""));

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessage(spanish.toAbsolutePath() + ": at estimate.title.selfPay: missing: estimate_en.properties has "
                        + "this sentence, and without a translation it is printed in English");
    }

    @Test
    void aDeletedSpanishBundleStopsStartUpInsteadOfPrintingSpanishEstimatesInEnglish() throws IOException {
        Path templates = dir.resolve("templates");
        copyOfShippedDocuments();
        Files.delete(templates.resolve("documents/messages/estimate_es.properties"));
        PdfRenderer renderer = PdfRenderer.create(templates, true);

        assertThatThrownBy(() -> renderer.requireSentences("estimate", Locale.forLanguageTag("es")))
                .isInstanceOf(TemplateException.class)
                .hasMessage(templates.resolve("documents/messages/estimate_es.properties").toAbsolutePath()
                        + ": file not found: the Spanish documents need it (without it they would be printed in English)");
    }

    @Test
    void aFontTheServiceDoesNotHaveStopsStartUpNamingFileAndLine() throws IOException {
        Path documents = copyOfShippedDocuments();
        Path packet = documents.resolve("packet.html");
        Files.writeString(packet, Files.readString(packet).replaceFirst("font-family: 'DejaVu Sans'", "font-family: 'Arial Narrow'"));

        assertThatThrownBy(() -> new DocumentTemplates(documents))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(packet.toAbsolutePath() + ": font 'Arial Narrow' is not one the service has: "
                        + "write font-family: 'DejaVu Sans', 'Droid Sans Fallback' (line ");
    }

    private Path copyOfShippedDocuments() throws IOException {
        return Folders.copy(Path.of("templates", "documents"), dir.resolve("templates").resolve("documents"));
    }
}
