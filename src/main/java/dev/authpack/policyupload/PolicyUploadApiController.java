package dev.authpack.policyupload;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/policies} (ADMIN): one policy YAML file in, the version stored and in use at once. */
@RestController
class PolicyUploadApiController {

    private final PolicyUploadService uploads;

    PolicyUploadApiController(PolicyUploadService uploads) {
        this.uploads = uploads;
    }

    @Operation(summary = "Upload a new policy version (YAML)", description = "With `preview=true`, the same checks "
            + "and the same answer, with 200 instead of 201: nothing is stored and no case changes, so the `impact` shows "
            + "what the version would change before it is put in use.")
    @ApiResponse(responseCode = "201", description = "Stored and in use", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = UploadResult.class)))
    @ApiResponse(responseCode = "200", description = "preview=true: what it would change; nothing stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    @PostMapping(path = "/api/v1/policies",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    ResponseEntity<UploadResult> upload(@RequestBody(required = false) @Schema(type = "string") byte[] file,
                                        @Parameter(description = "true: check and show the impact, store nothing")
                                        @RequestParam(defaultValue = "false") boolean preview) {
        // the bytes, not a String: a String body had each byte that is not UTF-8 replaced by U+FFFD, and stored
        String yaml = file == null ? null : uploads.text(file, !preview);
        return preview ? ResponseEntity.ok(uploads.preview(yaml))
                : ResponseEntity.status(HttpStatus.CREATED).body(uploads.upload(yaml));
    }
}
