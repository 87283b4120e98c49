package dev.authpack.policyupload;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/policies} (ADMIN): one policy YAML file in, the version stored and in use at once. */
@RestController
class PolicyUploadApiController {

    private final PolicyUploadService uploads;

    PolicyUploadApiController(PolicyUploadService uploads) {
        this.uploads = uploads;
    }

    @Operation(summary = "Upload a new policy version (YAML)")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    @PostMapping(path = "/api/v1/policies",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    UploadResult upload(@RequestBody(required = false) String yaml) {
        return uploads.upload(yaml);
    }
}
