package dev.authpack.rendering;

import dev.authpack.content.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Renders document templates to PDF: view model → Thymeleaf (document engine) → XHTML →
 * openhtmltopdf → PDF/A-2b. Fonts, templates, bundles and the colour profile are loaded once, at start-up.
 * Thread-safe.
 */
public class PdfRenderer {

    /** Meta name a template uses to state its own version, stamped into the PDF and the document record. */
    private static final String TEMPLATE_VERSION = "template-version";

    private final DocumentTemplates templates;
    private final HtmlToPdf htmlToPdf;

    PdfRenderer(DocumentTemplates templates, DocumentFonts fonts, boolean accessible) {
        this.templates = templates;
        this.htmlToPdf = new HtmlToPdf(fonts, accessible);
    }

    /**
     * A renderer over {@code <templatesDir>/documents}; {@code accessible} tags the PDF for PDF/UA. The
     * application has one as a bean; this is for tools and tests outside Spring.
     */
    public static PdfRenderer create(Path templatesDir, boolean accessible) {
        return new PdfRenderer(new DocumentTemplates(templatesDir.resolve("documents")), DocumentFonts.load(), accessible);
    }

    /**
     * Stops start-up when {@code documents/<template>.html} is missing (deleted, renamed), naming the file:
     * each feature asks for the template it renders when it is created, so no clerk's document finds it gone.
     */
    public void requireTemplate(String template) {
        if (!templates.has(template)) {
            throw new TemplateException(templates.folder().resolve(template + ".html"), "file not found: this "
                    + "document template is needed (put it back, or restore the documents folder)");
        }
    }

    /**
     * Stops start-up when {@code documents/messages/<bundle>_<language>.properties} is missing: documents in
     * that language would otherwise be printed in English, the fallback, without a word said.
     */
    public void requireSentences(String bundle, Locale language) {
        if (!templates.hasSentences(bundle, language)) {
            throw new TemplateException(templates.folder().resolve("messages")
                    .resolve(bundle + "_" + language.getLanguage() + ".properties"), "file not found: the "
                    + language.getDisplayLanguage(Locale.ENGLISH) + " documents need it (without it they would "
                    + "be printed in English)");
        }
    }

    /**
     * Stops start-up when the template cannot be filled with this view model (made from a fictitious case),
     * naming the file, the expression and its line. Fills to XHTML only: an expression naming no value fails
     * there, and laying out a PDF would add ~100 ms a document to start-up for nothing more.
     */
    public void requireFills(String template, Object viewModel, Locale locale) {
        templates.requireFills(template, viewModel, locale);
    }

    /** A complete single-template PDF, e.g. the estimate. */
    public RenderedPdf render(String template, Object viewModel, Locale locale) {
        try (LaidOutPdf laid = open(template, viewModel, locale)) {
            return finish(laid.document());
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + template + " failed", e);
        }
    }

    /**
     * The rendered template as an open document, for callers that merge, stamp or bookmark before
     * {@link #finish}; the caller closes it.
     */
    public LaidOutPdf open(String template, Object viewModel, Locale locale) throws IOException {
        return htmlToPdf.convert(xhtml(template, viewModel, locale));
    }

    /** The filled template (XHTML). */
    private String xhtml(String template, Object viewModel, Locale locale) {
        return templates.fill(template, viewModel, locale);
    }

    /** A sentence from the document bundles ({@code templates/documents/messages}). */
    public String message(String key, Locale locale, Object... args) {
        return templates.message(key, locale, args);
    }

    /**
     * Saves the document and describes the bytes; the bytes returned are the bytes hashed. Objects are
     * written as they are, not packed into compressed object streams: packing the thousands of small
     * PDF/UA structure objects was a fifth of a packet's CPU, saving without it costs ~15 % less per
     * packet; page content, fonts and images stay Flate-compressed, and PDF/A-2b allows either form.
     * The background artifacts' property lists are written inside their pages ({@link ArtifactProperties}),
     * and the file into a buffer without a lock ({@link PdfBytes}).
     */
    public RenderedPdf finish(PDDocument doc) throws IOException {
        ArtifactProperties.inline(doc);
        byte[] bytes = PdfBytes.save(doc, CompressParameters.NO_COMPRESSION, 256 * 1024);
        String version = doc.getDocumentInformation().getCustomMetadataValue(TEMPLATE_VERSION);
        return new RenderedPdf(bytes, doc.getNumberOfPages(), sha256(bytes), version);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
