package dev.authpack.packet;

import dev.authpack.document.DocumentView;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PacketController {

    private final PacketService packets;

    PacketController(PacketService packets) {
        this.packets = packets;
    }

    @PostMapping("/api/v1/cases/{caseId}/packet")
    ResponseEntity<DocumentView> generate(@PathVariable UUID caseId,
                                          @RequestParam(name = "exception", defaultValue = "false") boolean exception) {
        DocumentView doc = packets.generate(caseId, exception);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + doc.id())).body(doc);
    }
}
