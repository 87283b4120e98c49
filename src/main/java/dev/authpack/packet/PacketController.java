package dev.authpack.packet;

import dev.authpack.document.DocumentView;
import java.net.URI;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    @Operation(summary = "Generate the prior-authorization packet PDF (or, with exception=true, a clinical-exception packet)")
    @ApiResponse(responseCode = "422", description = "The case is not ready (the report says what is missing or not met), "
            + "or the packet would have more pages than allowed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/PacketRefusedProblem")))
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @PostMapping("/api/v1/cases/{caseId}/packet")
    ResponseEntity<DocumentView> generate(@PathVariable UUID caseId,
                                          @Parameter(description = "Ask for a clinical exception, naming each unmet criterion (refused while something is missing)")
                                          @RequestParam(name = "exception", defaultValue = "false") boolean exception) {
        DocumentView doc = packets.generate(caseId, exception);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + doc.id())).body(doc);
    }
}
