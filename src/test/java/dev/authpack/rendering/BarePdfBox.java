package dev.authpack.rendering;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The yardstick for packet throughput: bare PDFBox writing a document comparable to a packet — six
 * letter pages of about 55 lines each (a packet's text volume), regular and bold DejaVu Sans embedded
 * as subsets (without layout tables, as the renderer uses them), and a rule under every line like a
 * table's border — with no HTML, layout, template or tagging. {@link #conformingDocument} is the same
 * text written as the packet must be written: PDF/A-2b (XMP, sRGB output intent) and tagged for PDF/UA-1
 * (a structure tree with a paragraph per line, the rules marked as artifacts, language, title), still
 * without HTML, layout or template.
 */
public final class BarePdfBox {

    private static final String[] WORDS = {"esketamine", "sertraline", "venlafaxine", "inadequate", "response",
        "PHQ-9", "2026-11-10", "criterion", "met", "policy", "weeks", "dose", "225 mg", "Example Health Plan",
        "prescriber", "NPI 1234567893", "adherence", "90 %", "treatment-resistant", "depression", "F33.2"};

    /** Title, PDF/A-2b and PDF/UA-1 identification, and the extension schema PDF/A asks for pdfuaid. */
    private static final String XMP = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Prior authorization request</rdf:li></rdf:Alt></dc:title>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part></rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
             xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
            <pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
            <pdfaProperty:category>internal</pdfaProperty:category>
            <pdfaProperty:description>the part of ISO 14289 the file follows</pdfaProperty:description>
            </rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>""";

    private final DocumentFonts fonts = DocumentFonts.load();

    /** One document's bytes; {@code seed} varies the text like patients vary packets. */
    public byte[] document(int seed) {
        return write(seed, false);
    }

    /** The same document, conforming to PDF/A-2b and PDF/UA-1 as a packet must; see the class comment. */
    public byte[] conformingDocument(int seed) {
        return write(seed, true);
    }

    private byte[] write(int seed, boolean conforming) {
        try {
            DocumentFonts.Faces faces = fonts.lease();
            try (PDDocument doc = new PDDocument()) {
                PDType0Font regular = faces.regularFor(doc);
                PDType0Font bold = faces.boldFor(doc);
                Tags tags = conforming ? new Tags(doc) : null;
                for (int page = 0; page < 6; page++) {
                    PDPage p = new PDPage(PDRectangle.LETTER);
                    doc.addPage(p);
                    COSArray onPage = tags == null ? null : tags.page(p, page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                        float y = 740;
                        for (int line = 0; line < 55; line++) {
                            if (tags != null) {
                                cs.beginMarkedContent(COSName.P, tags.paragraph(p, onPage, line));
                            }
                            cs.beginText();
                            cs.setFont(line % 6 == 0 ? bold : regular, 8.5f);
                            cs.newLineAtOffset(45, y);
                            cs.showText(line(seed, page, line));
                            cs.endText();
                            if (tags != null) {
                                cs.endMarkedContent();
                                cs.beginMarkedContent(COSName.ARTIFACT);
                            }
                            cs.moveTo(45, y - 3);
                            cs.lineTo(567, y - 3);
                            cs.stroke();
                            if (tags != null) {
                                cs.endMarkedContent();
                            }
                            y -= 12.5f;
                        }
                    }
                }
                if (tags != null) {
                    tags.finish();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                return out.toByteArray();
            } finally {
                fonts.release(faces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The structure tree (a paragraph per line) and the catalogue entries PDF/A-2b and PDF/UA-1 ask for. */
    private static final class Tags {

        private final PDDocument doc;
        private final PDStructureTreeRoot root = new PDStructureTreeRoot();
        private final PDStructureElement document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        private final java.util.Map<Integer, PDParentTreeValue> parents = new java.util.HashMap<>();

        Tags(PDDocument doc) {
            this.doc = doc;
            doc.getDocumentCatalog().setStructureTreeRoot(root);
            root.appendKid(document);
        }

        /** Readies a page for tagged content; returns the list its paragraphs go in (its parent-tree entry). */
        COSArray page(PDPage p, int index) {
            p.setStructParents(index);
            p.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            COSArray onPage = new COSArray();
            parents.put(index, new PDParentTreeValue(onPage));
            return onPage;
        }

        /** A paragraph element for one line; the property list marks its text with the line's MCID. */
        PDPropertyList paragraph(PDPage p, COSArray onPage, int line) {
            PDStructureElement paragraph = new PDStructureElement(StandardStructureTypes.P, document);
            paragraph.setPage(p);
            paragraph.appendKid(Integer.valueOf(line));
            document.appendKid(paragraph);
            onPage.add(paragraph);
            COSDictionary mcid = new COSDictionary();
            mcid.setInt(COSName.MCID, line);
            return PDPropertyList.create(mcid);
        }

        void finish() throws IOException {
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(parents.size());
            PDMarkInfo mark = new PDMarkInfo();
            mark.setMarked(true);
            doc.getDocumentCatalog().setMarkInfo(mark);
            doc.getDocumentCatalog().setLanguage("en-US");
            PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
            prefs.setDisplayDocTitle(true);
            doc.getDocumentCatalog().setViewerPreferences(prefs);
            doc.getDocumentInformation().setTitle("Prior authorization request");
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(XMP.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(ColorProfile.srgb()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
        }
    }

    private static String line(int seed, int page, int line) {
        StringBuilder b = new StringBuilder();
        int n = seed * 31 + page * 7 + line;
        while (b.length() < 95) {
            b.append(WORDS[Math.floorMod(n, WORDS.length)]).append(' ');
            n = n * 17 + 3;
        }
        return b.toString();
    }
}
