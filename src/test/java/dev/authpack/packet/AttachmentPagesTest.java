package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.TestPdfs;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uploaded pages keep their size and orientation when merged, whatever their boxes and rotation. */
class AttachmentPagesTest {

    static byte[] page(PDRectangle box, int rotation) throws IOException {
        try (PDDocument doc = Loader.loadPDF(TestPdfs.notes(1, "TURNED"))) {
            PDPage page = doc.getPage(0);
            page.setMediaBox(box);
            page.setRotation(rotation);
            return TestPdfs.bytes(doc);
        }
    }

    @ParameterizedTest(name = "{0}x{1} at ({2},{3}) rotated {4}")
    @CsvSource({"612, 792, 0, 0, 0, 612, 792", "792, 612, 0, 0, 0, 792, 612", "612, 792, 0, 0, 90, 792, 612",
        "612, 792, 0, 0, 270, 792, 612", "612, 792, 0, 0, 180, 612, 792", "595, 842, 50, 30, 0, 595, 842"})
    void mergedPageShowsTheUploadedPageAsAViewerWould(float w, float h, float x, float y, int rotation,
                                                      float shownW, float shownH) throws Exception {
        try (PDDocument target = new PDDocument()) {
            AttachmentPages.append(target, page(new PDRectangle(x, y, w, h), rotation), "Notes", new ContentBudget(Integer.MAX_VALUE));
            PDPage merged = target.getPage(0);

            assertThat(merged.getRotation()).isZero();
            assertThat(merged.getMediaBox().getWidth()).isEqualTo(shownW, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(merged.getMediaBox().getHeight()).isEqualTo(shownH, org.assertj.core.data.Offset.offset(0.5f));
            // a rotated page's text reads as the viewer shows it (vertically for 90 and 270 here)
            assertThat(PdfChecks.pageTexts(TestPdfs.bytes(target)).get(0).replaceAll("\\s", "")).contains("TURNED-1");
        }
    }
}
