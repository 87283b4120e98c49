package dev.authpack.packet;

import dev.authpack.attachment.AttachmentStore;
import dev.authpack.core.UnprocessableException;
import java.util.Map;

/**
 * A packet that would have more pages, or merge more attachment bytes, than allowed: 422, naming the
 * limit, before any merge work; or whose attachments' page content decodes to more than allowed, found
 * during the merge, before the page past the limit is drawn.
 */
class PacketTooLargeException extends UnprocessableException {

    private PacketTooLargeException(String detail, Map<String, Object> properties) {
        super("Packet too large", detail, properties);
    }

    PacketTooLargeException(int pages, int maxPages) {
        this("The packet would have " + pages + " pages; a packet may have at most " + maxPages
                + " (setting authpack.packets.max-pages). Remove attachments or split them across cases.",
                Map.of("pages", pages, "maxPages", maxPages));
    }

    static PacketTooLargeException attachmentBytes(long bytes, long maxBytes) {
        return new PacketTooLargeException("The case's attachments take " + AttachmentStore.megabytes(bytes)
                + "; a packet may merge at most " + AttachmentStore.megabytes(maxBytes)
                + " of them (setting authpack.attachments.max-case-bytes). Remove attachments the payer does not need.",
                Map.of("attachmentBytes", bytes, "maxAttachmentBytes", maxBytes));
    }

    /** An attachment whose objects PDFBox cannot copy without overflowing the stack (forms nested thousands deep). */
    static PacketTooLargeException nestedTooDeeply(String attachment) {
        return new PacketTooLargeException("The attachment \u201c" + attachment + "\u201d is nested too deeply to be "
                + "merged (its objects are linked thousands deep). Remove it, or print it to PDF again and upload that.",
                Map.of("attachment", attachment));
    }

    static PacketTooLargeException content(long maxBytes) {
        return new PacketTooLargeException("The attachments' pages decode to more than " + AttachmentStore.megabytes(maxBytes)
                + " of drawing instructions; a packet may merge at most " + AttachmentStore.megabytes(maxBytes)
                + " (setting authpack.packets.max-content-bytes). Remove attachments the payer does not need.",
                Map.of("maxContentBytes", maxBytes));
    }
}
