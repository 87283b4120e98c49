package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** The lock-free buffer a PDF is saved into holds exactly what a {@link ByteArrayOutputStream} would. */
class PdfBytesTest {

    @Test
    void mixedSingleBytesAndSlicesGrowingPastTheFirstSizeComeOutAsWritten() {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PdfBytes.Unshared actual = new PdfBytes.Unshared(16);
        for (int i = 0; i < 5_000; i++) {
            if (random.nextBoolean()) {
                int b = random.nextInt(512) - 256; // only the low eight bits count
                expected.write(b);
                actual.write(b);
            } else {
                byte[] chunk = new byte[random.nextInt(300)];
                random.nextBytes(chunk);
                int off = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
                int len = random.nextInt(chunk.length - off + 1);
                expected.write(chunk, off, len);
                actual.write(chunk, off, len);
            }
        }
        assertThat(actual.size()).isEqualTo(expected.size()).isGreaterThan(16);
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aSliceOutsideItsArrayIsRefusedAndNothingIsWritten() {
        PdfBytes.Unshared out = new PdfBytes.Unshared(8);
        out.write(1);
        assertThatThrownBy(() -> out.write(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> out.write(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(out.toByteArray()).containsExactly(1);
    }

    @Test
    void aSavedDocumentReadsBackWithItsPages() throws Exception {
        byte[] bytes;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            bytes = PdfBytes.save(doc, CompressParameters.NO_COMPRESSION, 0);
        }
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument back = Loader.loadPDF(bytes)) {
            assertThat(back.getNumberOfPages()).isEqualTo(2);
        }
    }
}
