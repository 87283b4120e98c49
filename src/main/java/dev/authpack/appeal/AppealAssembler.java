package dev.authpack.appeal;

import dev.authpack.packet.PageStamper;
import dev.authpack.rendering.LaidOutPdf;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * The appeal packet after layout: the letter (template {@code appeal}), then the latest packet's
 * pages, then the patient header and "Page X of Y" over the whole, as on a packet. The letter
 * quotes page numbers of the enclosed packet, which depend on the letter's own length, so it is
 * laid out again until its length is what it assumed (once more at most, in practice).
 */
@Component
class AppealAssembler {

    static final String TEMPLATE = "appeal";
    static final Locale LANGUAGE = Locale.ENGLISH;
    static final List<String> SECTION_KEYS = List.of("packet.section.cover", "packet.section.request",
            "packet.section.checklist", "packet.section.letter", "packet.section.history", "packet.section.severity");
    private static final int MAX_LAYOUTS = 4;

    private final PdfRenderer renderer;

    AppealAssembler(PdfRenderer renderer) {
        this.renderer = renderer;
        renderer.requireTemplate(TEMPLATE);
    }

    String title(String key) {
        return renderer.message(key, LANGUAGE);
    }

    /**
     * @param letter the letter's view for a given layout (letter length and packet sections)
     * @param header the running header (patient name, date of birth, member id)
     */
    RenderedPdf assemble(byte[] packetPdf, java.util.function.Function<AppealLetter.Layout, AppealView> letter,
                         String header) throws IOException {
        try (PDDocument packet = Loader.loadPDF(packetPdf)) {
            List<String> known = SECTION_KEYS.stream().map(this::title).toList();
            int letterPages = 1;
            for (int attempt = 1; ; attempt++) {
                AppealLetter.Layout layout = new AppealLetter.Layout(letterPages, packet.getNumberOfPages(),
                        EnclosedPacket.sections(packet, letterPages), known);
                AppealView view = letter.apply(layout);
                try (LaidOutPdf laid = renderer.open(TEMPLATE, view, LANGUAGE)) {
                    PDDocument doc = laid.document();
                    if (doc.getNumberOfPages() != letterPages && attempt < MAX_LAYOUTS) {
                        letterPages = doc.getNumberOfPages();
                        continue;
                    }
                    EnclosedPacket.append(doc, packet, renderer.message("appeal.bookmark.packet", LANGUAGE,
                            view.enclosure().createdOn()), layout.sections(), doc.getNumberOfPages());
                    PageStamper.stamp(doc, laid.regular(), header, (n, t) ->
                            renderer.message("packet.footer", LANGUAGE, String.valueOf(n), String.valueOf(t)));
                    return renderer.finish(doc);
                }
            }
        }
    }

    String header(AppealView.Person p, boolean selfPay) {
        return selfPay ? renderer.message("packet.header.selfPay", LANGUAGE, p.name(), p.dateOfBirth())
                : renderer.message("packet.header", LANGUAGE, p.name(), p.dateOfBirth(), p.memberId());
    }
}
