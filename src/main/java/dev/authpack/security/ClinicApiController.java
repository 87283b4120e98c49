package dev.authpack.security;

import dev.authpack.core.InputException;
import dev.authpack.core.TypedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Clinics for administrators' scripts: list, add, rename (ADMIN only, by the URL rule for
 * /api/v1/admin/**). The clinics admin page calls the same service. No removal: cases and
 * accounts keep naming their clinic.
 */
@RestController
class ClinicApiController {

    private static final String PATH = "/api/v1/admin/clinics";

    private final ClinicAdministration clinics;

    ClinicApiController(ClinicAdministration clinics) {
        this.clinics = clinics;
    }

    /** A new clinic: its lasting id and the name people read. */
    record NewClinic(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[a-z0-9-]{2,40}$", example = "north-side")
            String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200,
                    description = TypedText.RULE, example = "North Side Clinic")
            String name) {
    }

    /** A clinic's new name. */
    record ClinicName(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200,
                    description = TypedText.RULE)
            String name) {
    }

    @Operation(summary = "List the clinics, each with its number of user accounts")
    @GetMapping(PATH)
    List<ClinicView> list() {
        return clinics.clinics();
    }

    @Operation(summary = "Show one clinic")
    @GetMapping(PATH + "/{id}")
    ClinicView one(@PathVariable String id) {
        return clinics.clinic(id);
    }

    @Operation(summary = "Add a clinic (id: 2-40 lower-case letters, digits, hyphens; never changes)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = NewClinic.class)))
    @ApiResponse(responseCode = "201", description = "The new clinic",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClinicView.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = PATH, consumes = {"application/json", "application/*+json"})
    ResponseEntity<ClinicView> create(@RequestBody JsonNode body) {
        members(body, Set.of("id", "name"));
        ClinicView created = clinics.create(text(body, "id"), text(body, "name"));
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @Operation(summary = "Rename a clinic (its id stays)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ClinicName.class)))
    @PutMapping(path = PATH + "/{id}", consumes = {"application/json", "application/*+json"})
    ClinicView rename(@PathVariable String id, @RequestBody JsonNode body) {
        members(body, Set.of("name"));
        return clinics.rename(id, text(body, "name"));
    }

    /** An object with only the request's members: a stray one is named rather than ignored. */
    private static void members(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new InputException(allowed.contains("id") ? "id" : "name", "is required: send a JSON object "
                    + (allowed.contains("id") ? "{\"id\": \"...\", \"name\": \"...\"}" : "{\"name\": \"...\"}"));
        }
        for (String member : body.propertyNames()) {
            if (!allowed.contains(member)) {
                throw new InputException(member, "is not a member of this request");
            }
        }
    }

    /** The member's text; absent or null reads as missing (the service says "is required" or names the rule). */
    private static String text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InputException(member, "must be text");
        }
        return value.stringValue();
    }
}
