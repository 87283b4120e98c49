package dev.authpack.rendering;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A table's header row repeated atop each page the table continues on ({@code -fs-table-paginate}) is a
 * pagination artifact, as a running header is. openhtmltopdf tags every repeat as more content of the one header
 * cell, so a screen reader or a payer's tagged-text extraction read "CriterionCriterionCriterion": each repeat
 * after the header's first page is taken out of the structure tree and marked as an artifact. What is printed
 * does not change.
 */
final class RepeatedTableHeaders {

    private static final COSName ARTIFACT = COSName.getPDFName("Artifact");
    private static final COSName PAGINATION = COSName.getPDFName("Pagination");

    private RepeatedTableHeaders() {
    }

    /** Marks the repeats in a tagged document as artifacts; an untagged one is left as it is. */
    static void markAsArtifacts(PDDocument doc) throws IOException {
        var root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return;
        }
        Map<COSDictionary, Set<Integer>> repeats = new HashMap<>();
        visit(root.getCOSObject().getDictionaryObject(COSName.K), false, repeats);
        if (repeats.isEmpty()) {
            return;
        }
        COSBase tree = root.getCOSObject().getDictionaryObject(COSName.PARENT_TREE);
        for (PDPage page : doc.getPages()) {
            Set<Integer> mcids = repeats.get(page.getCOSObject());
            if (mcids != null) {
                rewrite(doc, page, mcids);
                forget(tree, page.getStructParents(), mcids);
            }
        }
    }

    /** Walks the structure tree; inside a THead, takes out each reference to content on another page than its element's. */
    private static void visit(COSBase node, boolean inHead, Map<COSDictionary, Set<Integer>> repeats) {
        node = unwrap(node);
        if (node instanceof COSArray kids) {
            for (COSBase kid : kids) {
                visit(kid, inHead, repeats);
            }
        } else if (node instanceof COSDictionary element && !COSName.MCR.equals(element.getCOSName(COSName.TYPE))) {
            boolean head = inHead || COSName.getPDFName("THead").equals(element.getCOSName(COSName.S));
            COSBase kids = element.getDictionaryObject(COSName.K);
            if (head && kids instanceof COSArray array) {
                // the header's own page, where it was first drawn: the element's, else its first reference's
                COSBase page = unwrap(element.getDictionaryObject(COSName.PG));
                for (int i = 0; page == null && i < array.size(); i++) {
                    if (unwrap(array.get(i)) instanceof COSDictionary mcr && COSName.MCR.equals(mcr.getCOSName(COSName.TYPE))) {
                        page = unwrap(mcr.getDictionaryObject(COSName.PG));
                    }
                }
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (unwrap(array.get(i)) instanceof COSDictionary mcr && COSName.MCR.equals(mcr.getCOSName(COSName.TYPE))
                            && unwrap(mcr.getDictionaryObject(COSName.PG)) instanceof COSDictionary other && other != page) {
                        repeats.computeIfAbsent(other, p -> new HashSet<>()).add(mcr.getInt(COSName.MCID));
                        array.remove(i);
                    }
                }
            }
            visit(kids, head, repeats);
        }
    }

    /** The page's content with each of {@code mcids} marked as a pagination artifact instead of tagged content. */
    private static void rewrite(PDDocument doc, PDPage page, Set<Integer> mcids) throws IOException {
        List<Object> tokens = new ArrayList<>(new PDFStreamParser(page).parse());
        for (int i = 2; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("BDC")
                    && tokens.get(i - 1) instanceof COSDictionary props && mcids.contains(props.getInt(COSName.MCID))) {
                COSDictionary artifact = new COSDictionary();
                artifact.setItem(COSName.TYPE, PAGINATION);
                tokens.set(i - 2, ARTIFACT);
                tokens.set(i - 1, artifact);
            }
        }
        PDStream content = new PDStream(doc);
        try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(out).writeTokens(tokens);
        }
        page.setContents(content);
    }

    /** Clears the parent tree's entries for {@code mcids} of the page with key {@code key}: no element owns them now. */
    private static void forget(COSBase node, int key, Set<Integer> mcids) {
        node = unwrap(node);
        if (!(node instanceof COSDictionary tree)) {
            return;
        }
        if (tree.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                if (unwrap(nums.get(i)) instanceof COSInteger k && k.intValue() == key
                        && unwrap(nums.get(i + 1)) instanceof COSArray owners) {
                    for (int mcid : mcids) {
                        if (mcid < owners.size()) {
                            owners.set(mcid, COSNull.NULL);
                        }
                    }
                }
            }
        }
        if (tree.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (COSBase kid : kids) {
                forget(kid, key, mcids);
            }
        }
    }

    private static COSBase unwrap(COSBase base) {
        return base instanceof COSObject o ? o.getObject() : base;
    }
}
