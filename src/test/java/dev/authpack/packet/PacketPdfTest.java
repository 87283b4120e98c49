package dev.authpack.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.rendering.PdfChecks;
import dev.authpack.rendering.RenderedPdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketPdfTest {

    static final PacketFixtures FIX = new PacketFixtures(true);

    @Test
    void smoke() throws Exception {
        CaseData data = PacketFixtures.sample("01-complete-esketamine");
        RenderedPdf pdf = FIX.packet(data, false, List.of());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/packet-01.pdf"), pdf.bytes());
        List<String> pages = PdfChecks.pageTexts(pdf.bytes());
        for (int i = 0; i < pages.size(); i++) {
            System.out.println("=== page " + (i + 1) + "\n" + pages.get(i));
        }
        System.out.println("PDF/A-2b: " + PdfChecks.veraPdfFailures(pdf.bytes(), "2b"));
        System.out.println("PDF/UA-1: " + PdfChecks.veraPdfFailures(pdf.bytes(), "ua1"));
        assertThat(pdf.pages()).isGreaterThan(4);
    }
}
