package dev.authpack.packet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * The attachment pages' place in the packet's structure tree. Drawn as forms after layout, they were
 * neither tagged nor artifacts: a screen reader and a payer's tagged-text extraction skipped the clinical
 * notes altogether, and the packet failed PDF/UA-1 (7.1-3) whenever it had an attachment. Each attachment
 * becomes a section of the packet's Document element, each page one element owning the whole drawn page:
 * a paragraph when the page has text (the notes read in their own order), else a figure whose alternate
 * text names the attachment and the page (a scan has nothing else to read).
 */
final class AttachmentTags {

    private static final COSName MCID_KEY = COSName.MCID;
    private static final Set<String> MARKING = Set.of("BDC", "BMC", "EMC", "MP", "DP");

    private final PDDocument doc;
    private final PDStructureElement section;

    private AttachmentTags(PDDocument doc, PDStructureElement section) {
        this.doc = doc;
        this.section = section;
    }

    /** A section for one attachment, or null when the packet is not tagged (the renderer made no structure tree). */
    static AttachmentTags section(PDDocument doc, String title) {
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null || parentTreeNums(root) == null || root.getKids().isEmpty()
                || !(root.getKids().get(0) instanceof PDStructureElement document)) {
            return null;
        }
        PDStructureElement section = new PDStructureElement("Sect", document);
        section.setTitle(title);
        document.appendKid(section);
        return new AttachmentTags(doc, section);
    }

    /** The structure type a drawn attachment page gets: P when it carries text, else Figure. */
    static String typeOf(PDFormXObject page) {
        return hasText(page.getResources(), 3) ? "P" : "Figure";
    }

    /** The marked-content properties to open around the page's drawing: its one MCID, always 0. */
    static COSDictionary properties() {
        COSDictionary properties = new COSDictionary();
        properties.setInt(MCID_KEY, 0);
        return properties;
    }

    /**
     * Takes the upload's own marked-content operators out of its drawn page. A tagged upload (an EHR's PDF/UA
     * export) marks its text and artifacts with MCIDs of a structure tree that does not come along; nested in
     * the page's one element they put artifacts inside tagged content (PDF/UA-1 7.1-1, 7.1-2). What is drawn
     * stays as it was. A stream that does not parse is left alone: it is drawn as PDFBox can, untouched.
     */
    static void unmark(PDFormXObject form) {
        try {
            List<Object> tokens;
            try (var in = form.getContentStream().createInputStream()) {
                tokens = new PDFStreamParser(in.readAllBytes()).parse();
            }
            List<Object> kept = new ArrayList<>(tokens.size());
            boolean changed = false;
            for (Object token : tokens) {
                if (token instanceof Operator op && MARKING.contains(op.getName())) {
                    // BDC takes a tag and a property list, BMC a tag, EMC nothing; MP and DP are points
                    int operands = switch (op.getName()) {
                        case "BDC", "DP" -> 2;
                        case "BMC", "MP" -> 1;
                        default -> 0;
                    };
                    for (int i = 0; i < operands && !kept.isEmpty() && !(kept.get(kept.size() - 1) instanceof Operator); i++) {
                        kept.remove(kept.size() - 1);
                    }
                    changed = true;
                } else {
                    kept.add(token);
                }
            }
            if (changed) {
                try (OutputStream out = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
                    new ContentStreamWriter(out).writeTokens(kept);
                }
            }
        } catch (IOException | RuntimeException e) {
            // drawn as it came: at worst the upload's own marks stay nested in the page's element
        }
    }

    /** Makes the page's marked content (MCID 0, structure type {@code type}) an element of this section. */
    void own(PDPage page, String type, String alt) {
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        PDStructureElement element = new PDStructureElement(type, section);
        element.setPage(page);
        if (alt != null) {
            element.setAlternateDescription(alt);
        }
        element.appendKid(new PDMarkedContent(COSName.getPDFName(type), properties()));
        section.appendKid(element);
        COSArray nums = parentTreeNums(root);
        int key = Math.max(root.getParentTreeNextKey(), 0);
        for (int i = 0; i + 1 < nums.size(); i += 2) {
            if (nums.getObject(i) instanceof COSNumber n) {
                key = Math.max(key, n.intValue() + 1);
            }
        }
        COSArray owners = new COSArray();
        owners.add(element);
        nums.add(COSInteger.get(key));
        nums.add(owners);
        page.setStructParents(key);
        root.setParentTreeNextKey(key + 1);
    }

    /** The flat number array of the parent tree openhtmltopdf writes (one node, no kids), or null. */
    private static COSArray parentTreeNums(PDStructureTreeRoot root) {
        COSDictionary tree = root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE);
        return tree == null || tree.containsKey(COSName.KIDS) ? null : tree.getCOSArray(COSName.NUMS);
    }

    /** Whether fonts are used here or in a form drawn from here ({@code depth} levels down): a text page, not a scan. */
    private static boolean hasText(PDResources resources, int depth) {
        if (resources == null) {
            return false;
        }
        if (resources.getFontNames().iterator().hasNext()) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            try {
                PDXObject x = resources.getXObject(name);
                if (x instanceof PDFormXObject form && hasText(form.getResources(), depth - 1)) {
                    return true;
                }
            } catch (IOException e) {
                // an unreadable object draws nothing either: it does not make the page a text page
            }
        }
        return false;
    }
}
