package dev.authpack.fhir;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.authpack.authorization.CaseViews;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Contract v1.1 "FHIR": import a bundle as a draft case; export a case as a Da Vinci PAS request bundle. */
@RestController
@RequestMapping("/api/v1")
class FhirApiController {

    private final FhirImporter importer;
    private final FhirExporter exporter;
    private final FhirBody body;
    private final CaseViews views;

    FhirApiController(FhirImporter importer, FhirExporter exporter, FhirBody body, CaseViews views) {
        this.importer = importer;
        this.exporter = exporter;
        this.body = body;
        this.views = views;
    }

    @Operation(summary = "Import a FHIR R4 Bundle as a draft case")
    @RequestBody(required = true, description = "A FHIR R4 Bundle with a Patient", content = {
            @Content(mediaType = "application/fhir+json", schema = @Schema(type = "object", description = "FHIR R4 Bundle")),
            @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "FHIR R4 Bundle"))})
    @ApiResponse(responseCode = "201", description = "The draft case and what was mapped or ignored",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/FhirImport")))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @PostMapping("/fhir/import")
    ResponseEntity<ObjectNode> importBundle(HttpServletRequest request) throws IOException {
        byte[] bytes = body.read(request);
        FhirImporter.Imported imported = importer.importBundle(bytes);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        // the case as GET /cases/{id} shows it, read-only authorization included (contract v1.1)
        answer.set("case", views.view(imported.stored()));
        ArrayNode mapped = answer.putArray("mapped");
        imported.mapped().forEach(mapped::add);
        ArrayNode ignored = answer.putArray("ignored");
        imported.ignored().forEach(ignored::add);
        // labelled by us: negotiated, an Accept of application/fhir+json would label this non-FHIR answer FHIR
        return ResponseEntity.created(URI.create("/api/v1/cases/" + imported.stored().id()))
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @Operation(summary = "The case as a Da Vinci PAS request Bundle")
    @ApiResponse(responseCode = "200", description = "A FHIR R4 Bundle (type collection, the Claim first)",
            content = @Content(mediaType = "application/fhir+json", schema = @Schema(type = "object",
                    description = "FHIR R4 Bundle")),
            headers = {@Header(name = "Content-Disposition", description = "attachment; the file name holds the case "
                    + "id only (pas-request-{id}.json)", schema = @Schema(type = "string")),
                @Header(name = FhirExporter.WARNINGS_HEADER, description = "Present only when there is something to "
                    + "warn of, as a comma-separated list of the names event answers use in `warnings`: "
                    + "`PACKET_OUTDATED` when the packet in the bundle was made before the case's last change (the "
                    + "Claim shows the case as it is now, the PDF as it was; its DocumentReference.date says when it "
                    + "was made). Generate a new packet and export again.", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @ApiResponse(responseCode = "422", description = "The case holds a date FHIR cannot carry (outside 1900-2999, saved "
            + "by an earlier version); `errors` names each field. Correct the case, then export again.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/ValidationProblem")))
    @Parameter(name = "_format", in = ParameterIn.QUERY, required = false, description = "FHIR's format override: "
            + "json (or application/fhir+json, application/json); any other is 406", schema = @Schema(type = "string"))
    @GetMapping("/cases/{id}/fhir/pas-bundle")
    ResponseEntity<byte[]> pasBundle(@PathVariable String id, HttpServletRequest request) {
        FhirAccept.fhirJson(request);
        FhirExporter.Exported exported = exporter.pasBundle(id);
        // a download, as on the case page; the name holds the case id, never patient data
        return FhirExporter.warned(ResponseEntity.ok(), exported).contentType(FhirBody.FHIR_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(FhirExporter.fileName(id.strip())).build().toString())
                .body(exported.json().getBytes(StandardCharsets.UTF_8));
    }
}
