package dev.authpack.packet;

import dev.authpack.rendering.DecodedSize;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * How much decoded page content ({@code authpack.packets.max-content-bytes}) one packet's attachments may
 * bring, spent page by page before each page is drawn. Each upload is checked on its own
 * ({@code authpack.attachments.max-content-bytes}); this bounds the sum, as a case may hold many uploads
 * each just under that limit, and every packet of the case decodes and reads them all again.
 */
final class ContentBudget {

    private final long max;
    private long spent;

    ContentBudget(long max) {
        this.max = max;
    }

    /** Counts the page's content, decoding no more than what is left; over the budget is a 422 naming the setting. */
    void spend(PDPage page) {
        spent += DecodedSize.ofContent(page, max - spent);
        if (spent > max) {
            throw PacketTooLargeException.content(max);
        }
    }
}
