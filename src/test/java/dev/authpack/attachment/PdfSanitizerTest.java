package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an upload is refused for (empty, not a PDF, damaged, encrypted, too many pages as a merge
 * would count them) and what a kept one is cleaned of: scripts, automatic and opening actions,
 * embedded files and actions that launch, submit or import, turned into a harmless "first page".
 * A link to a web address stays. Plain PDFBox, no service.
 */
class PdfSanitizerTest {

    private static final List<String> ACTIVE_KEYS = List.of("JS", "JavaScript", "AA", "OpenAction", "EmbeddedFiles",
            "EmbeddedFile", "XFA");

    @Test
    void refusesWhatIsNotAReadablePdfSayingWhy() {
        assertRefused(new byte[0], 5, "is empty: upload a PDF file");
        assertRefused(BadPdfs.textNamedPdf(), 5, "is not a readable PDF (damaged, truncated or another format)");
        assertRefused(BadPdfs.truncated(), 5, "is not a readable PDF");
        assertRefused(BadPdfs.encrypted("user-pass"), 5, "is a password-protected PDF: upload an unprotected copy");
        assertRefused(BadPdfs.encrypted(""), 5, "is an encrypted PDF: upload an unprotected copy");
        assertRefused(HostilePdfs.pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"), 5,
                "is not a readable PDF: it has no pages (damaged or truncated)");
    }

    @ParameterizedTest(name = "one page listed {0} times, at most {1}: accepted {2}")
    @CsvSource({"1, 1, true", "5, 5, true", "6, 5, false", "20000, 300, false"})
    void countsThePagesAMergeWouldCopyNotThePageObjects(int listed, int max, boolean accepted) {
        byte[] upload = HostilePdfs.onePageListed(listed);
        if (accepted) {
            assertThat(PdfSanitizer.clean(upload, max, 16 << 20, 100_000).pages()).isEqualTo(listed);
        } else {
            assertRefused(upload, max, "has more than " + max + " pages; an upload may have at most " + max
                    + " (setting authpack.attachments.max-pages)");
        }
    }

    @Test
    void aPlainPdfIsKeptWithItsPagesAndTheDigestOfWhatIsStored() throws Exception {
        CleanPdf clean = PdfSanitizer.clean(BadPdfs.handWritten(), 5, 16 << 20, 100_000);

        assertThat(clean.pages()).isEqualTo(1);
        assertThat(clean.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(clean.bytes())).toLowerCase());
        try (PDDocument doc = Loader.loadPDF(clean.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void scriptsAutomaticActionsAndEmbeddedFilesAreRemovedWhereverTheyAre() throws IOException {
        CleanPdf clean = PdfSanitizer.clean(BadPdfs.withScripts(), 5, 16 << 20, 100_000);

        assertThat(clean.pages()).isEqualTo(2);
        assertThat(activeContent(clean.bytes())).isEmpty();
    }

    @ParameterizedTest(name = "a link that runs {0} becomes a first-page link")
    @CsvSource({"Launch", "JavaScript", "SubmitForm", "ImportData", "ResetForm", "Rendition", "GoToE", "RichMediaExecute"})
    void anActionThatRunsSomethingBecomesHarmless(String action) throws IOException {
        CleanPdf clean = PdfSanitizer.clean(withLink("<< /Type /Action /S /" + action + " /F (calc.exe) >>"), 5, 16 << 20, 100_000);

        assertThat(actions(clean.bytes())).isNotEmpty().containsOnly("Named FirstPage");
    }

    /**
     * Most writers put a link's action inside the annotation rather than as an object of its own, and
     * a document's scripts in a name tree inside the catalog: those are cleaned as well.
     */
    @ParameterizedTest(name = "a link written with its {0} action inside becomes a first-page link")
    @CsvSource({"Launch", "JavaScript", "SubmitForm", "ImportData"})
    void anActionWrittenInsideItsLinkIsCleanedToo(String action) throws IOException {
        byte[] upload = HostilePdfs.pdf(
                "<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript << /Names [(init) << /S /JavaScript /JS (app.alert(1)) >>] >> >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R << /Type /Annot /Subtype /Link"
                        + " /Rect [0 0 9 9] /A << /S /URI /URI (https://example.org) /Next [<< /S /" + action + " /F (x.exe) >>] >> >>] >>",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /" + action + " /F (calc.exe) >> >>");

        CleanPdf clean = PdfSanitizer.clean(upload, 5, 16 << 20, 100_000);

        try (PDDocument doc = Loader.loadPDF(clean.bytes())) {
            List<String> actions = new ArrayList<>();
            for (var annotation : doc.getPage(0).getAnnotations()) {
                COSDictionary a = annotation.getCOSObject().getCOSDictionary(COSName.A);
                actions.add(a.getCOSName(COSName.S).getName() + " " + a.getNameAsString(COSName.N));
                if (a.getCOSArray(COSName.getPDFName("Next")) != null) {
                    COSDictionary next = (COSDictionary) a.getCOSArray(COSName.getPDFName("Next")).getObject(0);
                    actions.add(next.getCOSName(COSName.S).getName() + " " + next.getNameAsString(COSName.N));
                }
            }
            assertThat(actions).containsExactly("Named FirstPage", "URI null", "Named FirstPage");
            COSDictionary names = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.NAMES);
            assertThat(names == null || !names.containsKey(COSName.JAVA_SCRIPT)).as("the document's scripts").isTrue();
        }
    }

    /** A filled form keeps what was typed in it, as page content: no field is left to edit or to submit. */
    @Test
    void aFormIsFlattenedIntoItsPageAndRemoved() throws IOException {
        byte[] upload;
        try (PDDocument doc = new PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            var form = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            var resources = new org.apache.pdfbox.pdmodel.PDResources();
            resources.put(COSName.getPDFName("Helv"), new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 12 Tf 0 g");
            var field = new org.apache.pdfbox.pdmodel.interactive.form.PDTextField(form);
            field.setPartialName("patient");
            var widget = field.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(50, 700, 200, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
            field.setValue("Reyes");
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            upload = out.toByteArray();
        }

        CleanPdf clean = PdfSanitizer.clean(upload, 5, 16 << 20, 100_000);

        try (PDDocument doc = Loader.loadPDF(clean.bytes())) {
            assertThat(doc.getDocumentCatalog().getCOSObject().containsKey(COSName.ACRO_FORM)).isFalse();
            assertThat(doc.getPage(0).getAnnotations()).noneMatch(a -> "Widget".equals(a.getSubtype()));
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Reyes");
        }
    }

    @Test
    void aLinkToAWebAddressStays() throws IOException {
        CleanPdf clean = PdfSanitizer.clean(withLink("<< /Type /Action /S /URI /URI (https://example.org/notes) >>"), 5, 16 << 20, 100_000);

        assertThat(actions(clean.bytes())).isNotEmpty().containsOnly("URI null");
    }

    /** A one-page PDF with a link annotation whose action is {@code action}, and a page-level /AA. */
    private static byte[] withLink(String action) {
        return HostilePdfs.pdf(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] /AA << /O 5 0 R >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 5 0 R >>",
                action);
    }

    /** The keys of active content left in any object of the file. */
    private static List<String> activeContent(byte[] pdf) throws IOException {
        List<String> found = new ArrayList<>();
        for (COSDictionary dict : dictionaries(pdf)) {
            for (String key : ACTIVE_KEYS) {
                if (dict.containsKey(COSName.getPDFName(key))) {
                    found.add(key);
                }
            }
        }
        return found;
    }

    /** Each action of the file as "S N". */
    private static List<String> actions(byte[] pdf) throws IOException {
        List<String> found = new ArrayList<>();
        for (COSDictionary dict : dictionaries(pdf)) {
            if (dict.getCOSName(COSName.S) != null && COSName.getPDFName("Action").equals(dict.getCOSName(COSName.TYPE))) {
                COSName n = dict.getCOSName(COSName.N);
                found.add(dict.getCOSName(COSName.S).getName() + " " + (n == null ? null : n.getName()));
            }
        }
        assertThat(activeContent(pdf)).isEmpty();
        return found;
    }

    private static List<COSDictionary> dictionaries(byte[] pdf) throws IOException {
        List<COSDictionary> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
                COSObject object = doc.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary dict) {
                    out.add(dict);
                    for (COSBase value : dict.getValues()) {
                        COSBase direct = value instanceof COSObject o ? o.getObject() : value;
                        if (direct instanceof COSDictionary inner) {
                            out.add(inner);
                        }
                    }
                }
            }
            out.add(doc.getDocumentCatalog().getCOSObject());
        }
        return out;
    }

    private static void assertRefused(byte[] upload, int maxPages, String message) {
        assertThatThrownBy(() -> PdfSanitizer.clean(upload, maxPages, 16 << 20, 100_000)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems().get(0).message()).startsWith(message))
                .satisfies(e -> assertThat(((InputException) e).problems().get(0).field()).isEqualTo("file"));
    }
}
