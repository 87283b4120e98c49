package dev.authpack.estimate;

import java.net.URI;
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

/** {@code POST /api/v1/cases/{id}/estimate[?lang=es]}: 201 with the document and the figures. */
@RestController
class EstimateApiController {

    private final EstimateService estimates;

    EstimateApiController(EstimateService estimates) {
        this.estimates = estimates;
    }

    @Operation(summary = "Generate the cost estimate PDF (a Good Faith Estimate when the plan is SELF_PAY)")
    @ApiResponse(responseCode = "422", description = "The case lacks what an estimate needs; `missing` and `errors` name it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ValidationProblem")))
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @PostMapping("/api/v1/cases/{id}/estimate")
    ResponseEntity<GeneratedEstimate> generate(@PathVariable String id,
                                               @Parameter(description = "en (default) or es", schema = @Schema(allowableValues = {"en", "es"}))
                                               @RequestParam(required = false) String lang) {
        GeneratedEstimate generated = estimates.generate(id, EstimateLanguage.of(lang));
        URI location = URI.create("/api/v1/documents/" + generated.document().id());
        return ResponseEntity.created(location).body(generated);
    }
}
