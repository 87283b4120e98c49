package dev.authpack.authorization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.InputException;
import dev.authpack.web.JsonBodyReader;
import dev.authpack.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The lifecycle API: events, the worklist, and "start reauthorization". */
@RestController
@RequestMapping("/api/v1")
class AuthorizationApiController {

    private final AuthorizationService authorizations;
    private final RenewalService renewals;
    private final WorklistService worklist;
    private final CaseViews views;
    private final CaseService cases;
    private final JsonBodyReader bodies;

    AuthorizationApiController(AuthorizationService authorizations, RenewalService renewals, WorklistService worklist,
                               CaseViews views, CaseService cases, JsonBodyReader bodies) {
        this.authorizations = authorizations;
        this.renewals = renewals;
        this.worklist = worklist;
        this.views = views;
        this.cases = cases;
        this.bodies = bodies;
    }

    @Operation(summary = "Record one event of the authorization (submitted, pended, approved, denied, ...)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = EventData.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/cases/{id}/events")
    ResponseEntity<AuthorizationService.Recorded> record(@PathVariable String id, HttpServletRequest request)
            throws IOException {
        UUID caseId = cases.read(id).id();
        JsonNode body = bodies.read(request, "the event as application/json");
        AuthorizationService.Recorded recorded = authorizations.record(caseId, body);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/events")).body(recorded);
    }

    @Operation(summary = "The case's events, oldest first")
    @GetMapping("/cases/{id}/events")
    List<AuthEvent> events(@PathVariable String id) {
        return authorizations.events(cases.read(id).id());
    }

    @Operation(summary = "Start a reauthorization: a new case copied from an approved or expired one")
    @ApiResponse(responseCode = "201", description = "The new case",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/StoredCase")))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/cases/{id}/reauthorization")
    ResponseEntity<JsonNode> reauthorize(@PathVariable String id) {
        StoredCase created = renewals.reauthorize(cases.read(id).id());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(views.view(created));
    }

    @Operation(summary = "What needs attention today, in lists",
            description = "The answer always holds all five lists. `list` with `sort` and `dir` orders one of them "
                    + "(the others keep their own order); `sort` or `dir` without `list` is a 400. `limit` keeps the "
                    + "first items of each list only; `counts` are the whole lists' either way.")
    @GetMapping("/worklist")
    Worklist worklist(
            @Parameter(description = "The list to order", schema = @Schema(allowableValues = {"readyToSubmit",
                "waitingOnPayer", "renewSoon", "appealDue", "expired"})) @RequestParam(required = false) String list,
            @Parameter(description = "Order by due date (default) or by patient name",
                    schema = @Schema(allowableValues = {"due", "patient"})) @RequestParam(required = false) String sort,
            @Parameter(description = "Ascending (default) or descending; items without a date or name go last",
                    schema = @Schema(allowableValues = {"asc", "desc"})) @RequestParam(required = false) String dir,
            @Parameter(description = "At most this many items in each list, the first in its order (default: all)",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String limit,
            HttpServletRequest request) {
        // given twice, a parameter arrived joined ("5,5") and was refused as no whole number, as GET /cases's were
        QueryParameters.givenOnce(request, "list", "sort", "dir", "limit");
        return worklist.today(WorklistSort.parse(list, sort, dir), limit(limit));
    }

    /**
     * The most items each list holds; null for all of them. Anything but a whole number from 1 is a 400 naming it.
     * A whole number past what an int holds (99999999999) is still one, not "no whole number": it asks for every item.
     */
    static Integer limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        String v = limit.strip();
        if (QueryParameters.isWholeNumber(v)) {
            int n = new BigInteger(v).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
            if (n >= 1) {
                return n;
            }
        }
        throw new InputException("limit", "must be a whole number, 1 or more: the most items each list holds");
    }
}
