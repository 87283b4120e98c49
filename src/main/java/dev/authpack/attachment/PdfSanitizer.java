package dev.authpack.attachment;

import dev.authpack.core.InputException;
import dev.authpack.rendering.DecodedSize;
import dev.authpack.rendering.PdfBytes;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.QuietPdfParsing;
import dev.authpack.rendering.ScratchSpace;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an upload is a PDF by parsing it (never by name or content type), and removes
 * what could act when a reviewer opens the packet: scripts, launch and submit actions, automatic
 * actions, embedded files, and interactive forms (flattened into page content first). Standard
 * fonts named without their program get an embedded substitute ({@link StandardFontEmbedder}), as
 * the packet they join is PDF/A.
 */
final class PdfSanitizer {

    private static final List<COSName> ACTIVE_KEYS = List.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.AA,
            COSName.OPEN_ACTION, COSName.EMBEDDED_FILES, COSName.getPDFName("EmbeddedFile"), COSName.getPDFName("XFA"));
    private static final List<COSName> ACTIVE_ACTIONS = List.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.getPDFName("SubmitForm"), COSName.getPDFName("ImportData"), COSName.getPDFName("ResetForm"),
            COSName.getPDFName("Rendition"), COSName.getPDFName("GoToE"), COSName.getPDFName("RichMediaExecute"));

    private static final Logger log = LoggerFactory.getLogger(PdfSanitizer.class);

    private PdfSanitizer() {
    }

    /**
     * Parses, checks and cleans an upload. PDFBox's complaints about a damaged file are held back and
     * logged here as one line, never a stack trace per broken object.
     */
    static CleanPdf clean(byte[] upload, int maxPages, long maxContentBytes, int maxObjects) {
        QuietPdfParsing.Complaints complaints = new QuietPdfParsing.Complaints();
        BoundedDecoding.Limits limits = new BoundedDecoding.Limits(UnpackedStreams.MAX_STREAM_BYTES, maxObjects);
        try {
            return QuietPdfParsing.during(complaints, () -> BoundedDecoding.during(limits,
                    () -> parse(upload, maxPages, maxContentBytes, limits)));
        } catch (InputException e) {
            log.info("PDF upload rejected: {} ({} parser complaint(s){})", e.problems().get(0).message(),
                    complaints.count(), complaints.first() == null ? "" : ", first: " + complaints.first());
            throw e;
        } finally {
            if (complaints.count() > 0) {
                log.debug("PDFBox complained {} time(s) about an upload", complaints.count());
            }
        }
    }

    private static CleanPdf parse(byte[] upload, int maxPages, long maxContentBytes, BoundedDecoding.Limits limits) {
        if (upload.length == 0) {
            throw problem("is empty: upload a PDF file");
        }
        String tooManyObjects = ObjectCounts.problem(upload, limits.maxObjects());
        if (tooManyObjects != null) {
            throw problem(tooManyObjects + "; an upload may have at most " + limits.maxObjects() + " (setting "
                    + "authpack.attachments.max-objects). Print it to PDF again, or split it");
        }
        try (PDDocument doc = Loader.loadPDF(upload, "", null, null, ScratchSpace.streamCache())) {
            if (doc.isEncrypted()) {
                throw problem("is an encrypted PDF: upload an unprotected copy");
            }
            int pages = countPages(doc, maxPages);
            if (pages == 0) {
                throw problem("is not a readable PDF: it has no pages (damaged or truncated)");
            }
            // page content first, measured as a packet meets it, with its own setting; then every other part
            // before anything reads it: PDFBox unpacks each one whole, in memory
            refuseLargeContent(doc, maxContentBytes);
            String unpacked = UnpackedStreams.problem(doc);
            if (unpacked != null) {
                throw problem(unpacked);
            }
            flattenForms(doc);
            scrub(doc);
            int embedded = StandardFontEmbedder.embedMissing(doc);
            if (embedded > 0) {
                log.debug("Embedded {} substitute font(s) in an upload", embedded);
            }
            if (limits.exceeded() != null) {
                // refused inside PDFBox, which may have read on without the part it could not unpack
                throw unpackedTooMuch(limits);
            }
            byte[] bytes = PdfBytes.save(doc, CompressParameters.DEFAULT_COMPRESSION, upload.length);
            return new CleanPdf(bytes, pages, PdfRenderer.sha256(bytes));
        } catch (InvalidPasswordException e) {
            throw problem("is a password-protected PDF: upload an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException input) {
                throw input;
            }
            if (limits.exceeded() != null) {
                throw unpackedTooMuch(limits);
            }
            throw problem("is not a readable PDF (damaged, truncated or another format)");
        } catch (StackOverflowError e) {
            // PDFBox follows some links by recursion (an object's state, through every object it names): an
            // outline of 200,000 items or a structure tree 100,000 deep, each linked to the next, overflowed the
            // request thread's stack, a 500 with a thousand-line stack trace. Caught here, where the document is
            // thrown away: the stack is unwound, and nothing of the upload is kept.
            throw problem("is not a readable PDF: its objects are linked too deeply to be read");
        }
    }

    private static InputException unpackedTooMuch(BoundedDecoding.Limits limits) {
        return problem(limits.exceeded() + " (a file built to exhaust the service, or damaged; at most "
                + limits.maxObjects() + " objects, setting authpack.attachments.max-objects); save it again from the "
                + "program that made it");
    }

    /**
     * Counts the pages a merge would copy, walking the page tree rather than trusting its /Count,
     * and stops as soon as there are more than allowed: one page object listed 20,000 times is
     * 20,000 pages to a merge. Nothing heavier than this walk happens to an upload over the cap.
     */
    private static int countPages(PDDocument doc, int maxPages) {
        int pages = 0;
        for (PDPage ignored : doc.getPages()) {
            if (++pages > maxPages) {
                throw problem("has more than " + maxPages + " pages; an upload may have at most " + maxPages
                        + " (setting authpack.attachments.max-pages)");
            }
        }
        return pages;
    }

    /**
     * A packet decodes and re-encodes each page's drawing instructions and reads them once more to take out
     * the upload's own tags, all in memory: a 1 MB upload whose page content inflates to 1 GB (zeros, or
     * drawing operators) ran the service out of memory in the packet. The content is measured here as the
     * merge will meet it, page by page as listed (one page listed 500 times is decoded 500 times), and never
     * decoded past the limit.
     */
    private static void refuseLargeContent(PDDocument doc, long maxContentBytes) {
        long total = 0;
        for (PDPage page : doc.getPages()) {
            total += DecodedSize.ofContent(page, maxContentBytes - total);
            if (total > maxContentBytes) {
                String limit = AttachmentStore.megabytes(maxContentBytes);
                throw problem("has pages whose drawing instructions decode to more than " + limit + "; an upload may "
                        + "have at most " + limit + " of them (setting authpack.attachments.max-content-bytes). "
                        + "Print it to PDF again, or split it");
            }
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

    /**
     * Every object of the file, not only the ones reachable the usual way: actions hide in many places.
     * Within each object, every dictionary written inside it too: most writers put a link's action
     * (/A) inside its annotation and a document's scripts in a name tree inside the catalog, and those
     * are no objects of their own. Only objects of the file scrubbed one by one left such a launch or
     * submit action in the packet.
     */
    private static void scrub(PDDocument doc) {
        for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
            COSObject object = doc.getDocument().getObjectFromPool(key);
            scrubWithin(object == null ? null : object.getObject());
        }
        // the catalog, whichever way the file reached it (a repaired file's may be missing from its table)
        scrubWithin(doc.getDocumentCatalog().getCOSObject());
    }

    /**
     * The object and the dictionaries and arrays written inside it, however deep: a loop, not recursion,
     * so a deeply nested upload cannot exhaust the stack. References are left to the loop over the file's
     * objects, which reaches each of them once.
     */
    private static void scrubWithin(COSBase root) {
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(root == null ? COSNull.NULL : root);
        while (!todo.isEmpty()) {
            COSBase base = todo.pop();
            if (base instanceof COSDictionary dict) {
                scrub(dict);
                dict.getValues().forEach(value -> pushContainer(todo, value));
            } else if (base instanceof COSArray array) {
                array.forEach(value -> pushContainer(todo, value));
            }
        }
    }

    private static void pushContainer(Deque<COSBase> todo, COSBase value) {
        if (value instanceof COSDictionary || value instanceof COSArray) {
            todo.push(value);
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
