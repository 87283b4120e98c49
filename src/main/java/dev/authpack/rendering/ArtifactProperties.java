package dev.authpack.rendering;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The PDF/UA tagging marks every box with a border or background as a background artifact, each with a
 * small property list ({@code /Type /Background /BBox […]}) in the page's resources. PDFBox writes each
 * of those as an object of its own: ~960 of a six-page packet's ~1,530 objects, each with its
 * cross-reference entry. Written inside the page's property dictionary instead, the file says the same
 * (PDF allows a property list direct or indirect) with far fewer objects to write.
 */
final class ArtifactProperties {

    private ArtifactProperties() {
    }

    static void inline(PDDocument doc) {
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            COSDictionary properties = resources == null ? null
                    : resources.getCOSObject().getCOSDictionary(COSName.PROPERTIES);
            if (properties == null) {
                continue;
            }
            for (COSBase value : properties.getValues()) {
                if (value instanceof COSDictionary dict && COSName.BACKGROUND.equals(dict.getCOSName(COSName.TYPE))) {
                    dict.setDirect(true);
                }
            }
        }
    }
}
