package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/**
 * A page preview is a PNG made in memory: ImageIO's default for a stream is a cache file in
 * java.io.tmpdir (imageio*.tmp), a picture of a packet page that a killed instance leaves behind.
 */
class PagePreviewTest {

    @Test
    void aPreviewIsAPngAndWritesNoFileToTheTempDirectory() throws IOException, InterruptedException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThat(ImageIO.getUseCache()).as("the JVM's default, which the preview must not rely on").isTrue();

        List<String> created = new ArrayList<>();
        byte[] png;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            WatchKey key = Path.of(System.getProperty("java.io.tmpdir")).register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            png = new PagePreview().png(pdf, 0);
            Thread.sleep(200); // the watch service reads the kernel's events on a thread of its own
            for (WatchEvent<?> e : key.pollEvents()) {
                created.add(String.valueOf(e.context()));
            }
        }

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(created).noneMatch(name -> name.startsWith("imageio"));
    }
}
