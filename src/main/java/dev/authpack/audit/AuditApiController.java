package dev.authpack.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators: {@code GET /api/v1/audit} with filters and paging. */
@RestController
class AuditApiController {

    private final AuditSearch search;
    private final AuditLog audit;

    AuditApiController(AuditSearch search, AuditLog audit) {
        this.search = search;
        this.audit = audit;
    }

    @Operation(summary = "The audit trail, filtered and paged (ADMIN)")
    @GetMapping("/api/v1/audit")
    AuditPage list(@RequestParam(required = false) String user,
                   @RequestParam(name = "case", required = false) String caseParam,
                   @RequestParam(required = false) String caseId,
                   @Parameter(description = "A document's or attachment's id, or its first 8 characters as the audit "
                           + "page shows them: the events naming it (generated, downloaded, previewed, opened, refused)")
                   @RequestParam(required = false) String document,
                   @RequestParam(required = false) String action,
                   @Parameter(description = "include (the default: every event), exclude (every event but list reads: "
                           + "a case opened, a document downloaded or previewed, a change...) or only (list reads only: "
                           + "the case list, worklist and Documents page rows that showed cases among others)")
                   @RequestParam(required = false) String lists,
                   @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to,
                   @RequestParam(required = false) String page,
                   @RequestParam(required = false) String size) {
        AuditQuery query = AuditQueryParams.parse(user, caseParam != null ? caseParam : caseId, document, action, lists,
                from, to, page, size);
        AuditPage result = search.find(query);
        audit.recordDetail(AuditAction.AUDIT_VIEWED, query.filters(), AuditOutcome.OK);
        return result;
    }
}
