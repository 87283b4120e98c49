package dev.authpack.attachment;

import dev.authpack.rendering.TestPdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Real bad files: what clinics actually upload by mistake, and what an attacker would. */
final class BadPdfs {

    private BadPdfs() {
    }

    /** A one-page PDF written by hand, uncompressed, so it can be cut at a known place. */
    static byte[] handWritten() {
        String content = "BT /F1 11 Tf 56 740 Td (Clinical note) Tj ET";
        return HostilePdfs.pdf(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
    }

    /** Cut inside the catalog: no page tree survives. */
    static byte[] truncated() {
        byte[] whole = handWritten();
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        return java.util.Arrays.copyOf(whole, text.indexOf("/Pages 2 0 R"));
    }

    static byte[] textNamedPdf() {
        return "These are clinical notes in plain text, not a PDF.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encrypted(String userPassword) {
        try (PDDocument doc = Loader.loadPDF(TestPdfs.notes(1, "SECRET"))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pass", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return TestPdfs.bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens with a script, carries a document-level script and an embedded file. */
    static byte[] withScripts() {
        try (PDDocument doc = Loader.loadPDF(TestPdfs.notes(2, "SCRIPTED"))) {
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("init", new PDActionJavaScript("this.print()")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setJavascript(scripts);
            doc.getDocumentCatalog().setNames(names);
            COSDictionary aa = new COSDictionary();
            aa.setItem(COSName.getPDFName("WC"), new PDActionJavaScript("app.alert('bye')"));
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.AA, aa);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Extra"), new COSArray());
            return TestPdfs.bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
