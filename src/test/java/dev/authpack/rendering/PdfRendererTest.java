package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    record Probe(String name, String subject, int percent) {
    }

    static final PdfRenderer RENDERER = new PdfRenderer(
            new DocumentTemplates(Path.of("src/test/resources/rendering/documents")), DocumentFonts.load(), true);

    @Test
    void rendersTemplateWithSentencesFromTheLocaleBundle() throws Exception {
        RenderedPdf en = RENDERER.render("probe", new Probe("Dana", "Probe", 40), Locale.ENGLISH);
        RenderedPdf es = RENDERER.render("probe", new Probe("Dana", "Probe", 40), Locale.forLanguageTag("es"));

        assertThat(PdfChecks.pageTexts(en.bytes()).get(0)).contains("Hello Dana, welcome to the office.");
        assertThat(PdfChecks.pageTexts(es.bytes()).get(0)).contains("Hola Dana, bienvenida a la oficina.");
        assertThat(en.pages()).isEqualTo(1);
        assertThat(en.templateVersion()).isEqualTo("probe 1");
        assertThat(en.sha256()).isEqualTo(PdfRenderer.sha256(en.bytes())).hasSize(64);
    }

    @Test
    void unknownLocaleFallsBackToEnglish() throws Exception {
        RenderedPdf de = RENDERER.render("probe", new Probe("Dana", "Probe", 40), Locale.GERMAN);
        assertThat(PdfChecks.pageTexts(de.bytes()).get(0)).contains("Hello Dana");
    }

    @Test
    void extractedTextHasNoLigatures() throws Exception {
        RenderedPdf pdf = RENDERER.render("probe", new Probe("Dana", "Probe", 40), Locale.ENGLISH);
        String text = PdfChecks.pageTexts(pdf.bytes()).get(0);
        assertThat(text).contains("Office official fluffy affine").doesNotContainPattern("[\\uFB00-\\uFB06]");
    }

    @Test
    void outputIsPdfA2b() throws Exception {
        RenderedPdf pdf = RENDERER.render("probe", new Probe("Dana", "Probe", 40), Locale.ENGLISH);
        List<String> failures = PdfChecks.veraPdfFailures(pdf.bytes(), "2b");
        assertThat(failures).isEmpty();
        System.out.println("PDF/UA-1 failures of the probe: " + PdfChecks.veraPdfFailures(pdf.bytes(), "ua1"));
    }
}
