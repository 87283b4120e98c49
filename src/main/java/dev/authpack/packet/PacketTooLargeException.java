package dev.authpack.packet;

import dev.authpack.core.UnprocessableException;
import java.util.Map;

/** A packet that would have more pages than allowed: 422, naming the limit, before any merge work. */
class PacketTooLargeException extends UnprocessableException {

    PacketTooLargeException(int pages, int maxPages) {
        super("Packet too large", "The packet would have " + pages + " pages; a packet may have at most " + maxPages
                + " (setting authpack.packets.max-pages). Remove attachments or split them across cases.",
                Map.of("pages", pages, "maxPages", maxPages));
    }
}
