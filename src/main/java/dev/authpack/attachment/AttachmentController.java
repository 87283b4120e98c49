package dev.authpack.attachment;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.InputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/cases/{caseId}/attachments")
class AttachmentController {

    private final AttachmentUploads uploads;
    private final AttachmentChanges changes;
    private final AttachmentStore store;
    private final CaseService cases;
    private final AuditLog audit;
    private final AttachmentResponses responses;

    AttachmentController(AttachmentUploads uploads, AttachmentChanges changes, AttachmentStore store,
                         CaseService cases, AuditLog audit, AttachmentResponses responses) {
        this.uploads = uploads;
        this.changes = changes;
        this.store = store;
        this.cases = cases;
        this.audit = audit;
        this.responses = responses;
    }

    @Operation(summary = "Upload clinical notes (a PDF) to merge into the packet")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable UUID caseId,
                                          @RequestParam(name = "file", required = false) MultipartFile file,
                                          @RequestParam(name = "title", required = false) String title,
                                          HttpServletRequest request) throws IOException {
        AttachmentUploads.refuseMisplacedParts(request);
        AttachmentView saved = uploads.upload(caseId, file, title);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/attachments/" + saved.id()))
                .body(saved);
    }

    /** The new order of a case's attachments: every attachment in place, each once. */
    record AttachmentOrder(List<UUID> order) {
    }

    @Operation(summary = "The case's attachments in place, in the order the packet encloses them")
    @GetMapping
    List<AttachmentView> list(@PathVariable UUID caseId) {
        StoredCase c = cases.read(caseId);
        List<AttachmentView> listed = store.list(caseId, c.clinicId());
        // titles are typed by clinic staff and may name the patient: reading them is reading PHI
        audit.record(AuditAction.ATTACHMENTS_LISTED, caseId.toString(), null, AuditOutcome.OK);
        return listed;
    }

    @Operation(summary = "One attachment's PDF (audited as a read; removed attachments stay readable)")
    @ApiResponse(responseCode = "200", description = "The stored, cleaned PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> open(@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
        return responses.pdf(changes.open(caseId, attachmentId));
    }

    @Operation(summary = "Remove an attachment from the case and from new packets (kept on record and in the audit trail)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{attachmentId}")
    void remove(@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
        changes.remove(caseId, attachmentId);
    }

    @Operation(summary = "The case's removed attachments, most recently removed first (kept on record; audited as a read)")
    @GetMapping("/removed")
    List<RemovedAttachment> removed(@PathVariable UUID caseId) {
        return changes.removed(caseId);
    }

    /**
     * {@code order} and {@code removed} are addresses of their own, not attachment ids. Without these,
     * a GET or DELETE of {@code /order} (or a DELETE of {@code /removed}) matched {@code /{attachmentId}}
     * and was a 400 about an attachmentId nobody sent; RFC 9110 wants 405 with the methods the address
     * takes in {@code Allow}.
     */
    @Hidden
    @RequestMapping(path = "/order", method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.DELETE})
    void orderIsOnlyPut(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("PUT"));
    }

    @Hidden
    @DeleteMapping("/removed")
    void removedIsOnlyRead(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("GET", "HEAD"));
    }

    @Operation(summary = "Put a removed attachment back in the case, last in the list, so new packets enclose it again "
            + "(restoring one in place changes nothing)")
    @PostMapping("/{attachmentId}/restore")
    AttachmentView restore(@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
        return changes.restore(caseId, attachmentId);
    }

    @Operation(summary = "Put the case's attachments in a new order (the order the packet encloses them)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AttachmentOrder.class)))
    // the contract takes every JSON body as "application/json, application/*+json", as the case and events do
    @PutMapping(path = "/order", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    List<AttachmentView> reorder(@PathVariable UUID caseId, @RequestBody JsonNode body) {
        cases.read(caseId); // another clinic's or an unknown case is 404 whatever the body says
        return changes.reorder(caseId, order(body));
    }

    /** {"order": [ids]} read strictly: another member, or an element that is not an id, is a 400 naming it. */
    static List<UUID> order(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("order") || !body.get("order").isArray()) {
            throw new InputException("order", "is required: the ids of the case's attachments, in the new order");
        }
        for (String member : body.propertyNames()) {
            if (!"order".equals(member)) {
                throw new InputException(member, "is not a member of this request");
            }
        }
        List<UUID> ids = new ArrayList<>();
        JsonNode order = body.get("order");
        for (int i = 0; i < order.size(); i++) {
            JsonNode id = order.get(i);
            try {
                ids.add(UUID.fromString(id.isString() ? id.stringValue() : ""));
            } catch (IllegalArgumentException e) {
                throw new InputException("order[" + i + "]", "must be the id of one of the case's attachments");
            }
        }
        return ids;
    }
}
