package dev.authpack.attachment;

import dev.authpack.core.InputException;
import dev.authpack.rendering.PdfRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/**
 * Decides whether an upload is a PDF by parsing it (never by name or content type), and removes
 * what could act when a reviewer opens the packet: scripts, launch and submit actions, automatic
 * actions, embedded files, and interactive forms (flattened into page content first).
 */
final class PdfSanitizer {

    private static final List<COSName> ACTIVE_KEYS = List.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.AA,
            COSName.OPEN_ACTION, COSName.EMBEDDED_FILES, COSName.getPDFName("EmbeddedFile"), COSName.getPDFName("XFA"));
    private static final List<COSName> ACTIVE_ACTIONS = List.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.getPDFName("SubmitForm"), COSName.getPDFName("ImportData"), COSName.getPDFName("ResetForm"),
            COSName.getPDFName("Rendition"), COSName.getPDFName("GoToE"), COSName.getPDFName("RichMediaExecute"));

    private PdfSanitizer() {
    }

    static CleanPdf clean(byte[] upload) {
        if (upload.length == 0) {
            throw problem("is empty: upload a PDF file");
        }
        try (PDDocument doc = Loader.loadPDF(upload, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.isEncrypted()) {
                throw problem("is an encrypted PDF: upload an unprotected copy");
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw problem("is not a readable PDF: it has no pages (damaged or truncated)");
            }
            flattenForms(doc);
            scrub(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream(upload.length);
            doc.save(out);
            byte[] bytes = out.toByteArray();
            return new CleanPdf(bytes, pages, PdfRenderer.sha256(bytes));
        } catch (InvalidPasswordException e) {
            throw problem("is a password-protected PDF: upload an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException input) {
                throw input;
            }
            throw problem("is not a readable PDF (damaged, truncated or another format)");
        }
    }

    private static void flattenForms(PDDocument doc) throws IOException {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form != null) {
            form.setXFA(null);
            form.flatten();
            doc.getDocumentCatalog().setAcroForm(null);
        }
    }

    /** Every object of the file, not only the ones reachable the usual way: actions hide in many places. */
    private static void scrub(PDDocument doc) {
        for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
            COSObject object = doc.getDocument().getObjectFromPool(key);
            COSBase base = object == null ? null : object.getObject();
            if (base instanceof COSDictionary dict) {
                scrub(dict);
            }
        }
        scrub(doc.getDocumentCatalog().getCOSObject());
        COSDictionary names = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.NAMES);
        if (names != null) {
            scrub(names);
        }
    }

    private static void scrub(COSDictionary dict) {
        ACTIVE_KEYS.forEach(dict::removeItem);
        COSName action = dict.getCOSName(COSName.S);
        if (action != null && ACTIVE_ACTIONS.contains(action)) {
            dict.setItem(COSName.S, COSName.getPDFName("Named"));
            dict.setItem(COSName.N, COSName.getPDFName("FirstPage"));
        }
    }

    private static InputException problem(String message) {
        return new InputException("file", message);
    }
}
