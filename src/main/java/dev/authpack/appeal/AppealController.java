package dev.authpack.appeal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.authpack.document.DocumentView;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AppealController {

    private final AppealService appeals;

    AppealController(AppealService appeals) {
        this.appeals = appeals;
    }

    @Operation(summary = "Generate the appeal packet of a denied case")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/cases/{caseId}/appeal-packet")
    ResponseEntity<DocumentView> generate(@PathVariable UUID caseId) {
        DocumentView doc = appeals.generate(caseId);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + doc.id())).body(doc);
    }
}
