package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.authpack.rendering.RenderedPdf;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The trial timeline is drawn to scale: each bar starts where its trial started. (openhtmltopdf
 * ignored percentage margins inside table cells, which drew every bar from the left edge.)
 */
class TimelineDrawingTest {

    /** Sample 01: sertraline 02-01..04-15, venlafaxine 05-01..07-20, CBT 03-01..07-01; range 02-01..07-20. */
    @Test
    void timelineBarsStartWhereTheirTrialsStarted() throws IOException {
        RenderedPdf pdf = PacketPdfTest.FIX.packet(PacketFixtures.sample("01-complete-esketamine"), false, List.of());

        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            PDPage page = doc.getPage(pageWith(doc, "Timeline of trials"));
            List<Rectangle2D> bars = colouredBars(page);
            bars.sort(Comparator.comparingDouble(r -> -r.getY())); // top to bottom: sertraline, venlafaxine, CBT

            assertThat(bars).hasSize(3);
            Rectangle2D sertraline = bars.get(0);
            Rectangle2D venlafaxine = bars.get(1);
            Rectangle2D cbt = bars.get(2);
            double dayWidth = (venlafaxine.getMaxX() - sertraline.getMinX()) / 169; // 2025-02-01..07-20
            assertThat(venlafaxine.getMinX()).isGreaterThan(sertraline.getMaxX());
            assertThat(venlafaxine.getMinX() - sertraline.getMinX()).isCloseTo(89 * dayWidth, offset(2 * dayWidth));
            assertThat(cbt.getMinX() - sertraline.getMinX()).isCloseTo(28 * dayWidth, offset(2 * dayWidth));
        }
    }

    private static int pageWith(PDDocument doc, String text) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            if (stripper.getText(doc).contains(text)) {
                return i - 1;
            }
        }
        throw new AssertionError("no page with " + text);
    }

    /** Filled shapes in a saturated colour: the timeline's bars (tracks are pale grey, text is black). */
    private static List<Rectangle2D> colouredBars(PDPage page) throws IOException {
        List<Rectangle2D> bars = new ArrayList<>();
        new PDFGraphicsStreamEngine(page) {
            private final List<Point2D> corners = new ArrayList<>();

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                corners.addAll(List.of(p0, p1, p2, p3));
            }

            @Override
            public void fillPath(int windingRule) throws IOException {
                float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
                boolean saturated = rgb.length == 3
                        && Math.max(rgb[0], Math.max(rgb[1], rgb[2])) - Math.min(rgb[0], Math.min(rgb[1], rgb[2])) > 0.15f;
                if (saturated && !corners.isEmpty()) {
                    Rectangle2D r = new Rectangle2D.Double(corners.get(0).getX(), corners.get(0).getY(), 0, 0);
                    corners.forEach(r::add);
                    if (r.getWidth() > 5 && !bars.contains(r)) { // the tagged PDF paints some boxes twice
                        bars.add(r);
                    }
                }
                corners.clear();
            }

            @Override
            public void drawImage(PDImage pdImage) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void moveTo(float x, float y) {
                corners.add(new Point2D.Float(x, y));
            }

            @Override
            public void lineTo(float x, float y) {
                corners.add(new Point2D.Float(x, y));
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            }

            @Override
            public Point2D getCurrentPoint() {
                return new Point2D.Float();
            }

            @Override
            public void closePath() {
            }

            @Override
            public void endPath() {
                corners.clear();
            }

            @Override
            public void strokePath() {
                corners.clear();
            }

            @Override
            public void fillAndStrokePath(int windingRule) throws IOException {
                fillPath(windingRule);
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }

            void run() throws IOException {
                processPage(getPage());
            }
        }.run();
        return bars;
    }
}
