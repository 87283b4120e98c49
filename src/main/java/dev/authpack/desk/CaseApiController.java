package dev.authpack.desk;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.authorization.CaseViews;
import dev.authpack.casefile.CaseBinder;
import dev.authpack.casefile.CaseIntake;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.CaseStatus;
import dev.authpack.casefile.CaseValidator;
import dev.authpack.casefile.CaseSummary;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.completeness.PolicyComparison;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.WholeNumbers;
import dev.authpack.web.JsonBodyReader;
import dev.authpack.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract's case endpoints: create, list, read, replace, and the completeness report. Here on
 * the desk because it joins the case with its completeness report. The bodies are read as raw JSON
 * (to name every bad field), so the description's schemas are named here (see apidoc.CaseSchemas).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

    private static final String CASE = "#/components/schemas/Case";
    private static final String STORED_CASE = "#/components/schemas/StoredCase";
    private static final String REPLACEMENT = "#/components/schemas/CaseReplacement";
    private static final String LIST_ITEM = "#/components/schemas/CaseListItem";

    private final CaseService cases;
    private final CaseIntake intake;
    private final CaseViews views;
    private final JsonBodyReader bodies;
    private final CompletenessService completeness;
    private final AuditLog audit;
    private final CaseValidator validator;

    CaseApiController(CaseService cases, CaseIntake intake, CaseViews views, JsonBodyReader bodies,
                      CompletenessService completeness, AuditLog audit, CaseValidator validator) {
        this.cases = cases;
        this.intake = intake;
        this.views = views;
        this.bodies = bodies;
        this.completeness = completeness;
        this.audit = audit;
        this.validator = validator;
    }

    @Operation(summary = "Create a case (a draft may be incomplete)")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = CASE)))
    @ApiResponse(responseCode = "201", description = "The saved case",
            headers = @Header(name = "Location", description = "The case's URL", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(ref = STORED_CASE)))
    @PostMapping
    ResponseEntity<JsonNode> create(HttpServletRequest request) throws IOException {
        StoredCase stored;
        try {
            stored = intake.create(bodies.read(request), CaseBinder.Source.JSON);
        } catch (InputException e) {
            // refused input is a security event (a script probing the API), recorded like a refused event or upload
            audit.record(AuditAction.CASE_CREATED, null, null, AuditOutcome.REJECTED);
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + stored.id())).body(views.view(stored));
    }

    @Operation(summary = "The caller's clinic's cases, newest first",
            description = "The whole list, or one page of it with `limit` (and `offset`); `X-Total-Count` gives "
                    + "the number of cases that match the filters, and `Link` the next page while any are left.")
    @ApiResponse(responseCode = "200", description = "The cases, each with its authorization",
            headers = {
                @Header(name = "X-Total-Count", description = "How many cases match the filters, on every page",
                        schema = @Schema(type = "integer")),
                @Header(name = "Link", description = "`<path?offset=…&limit=…>; rel=\"next\"` while a page with "
                        + "`limit` has more after it", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(ref = LIST_ITEM))))
    @GetMapping
    ResponseEntity<List<ObjectNode>> list(@RequestParam(required = false) String status,
                                          @RequestParam(required = false) String authStatus,
                                          @Parameter(description = "At most this many cases (1 to 1000); without it, all",
                                                  schema = @Schema(type = "integer", minimum = "1", maximum = "1000"))
                                          @RequestParam(required = false) String limit,
                                          @Parameter(description = "Cases to skip before the first one answered (default 0)",
                                                  schema = @Schema(type = "integer", minimum = "0"))
                                          @RequestParam(required = false) String offset,
                                          HttpServletRequest request) {
        QueryParameters.givenOnce(request, "status", "authStatus", "limit", "offset");
        ApiListPage page = ApiListPage.parse(limit, offset);
        List<ObjectNode> all = views.list(cases.list(status == null || status.isBlank() ? null : parseStatus(status)),
                authStatus);
        List<ObjectNode> answered = page.of(all);
        // the cases answered (their patients' names, birth dates, member ids), not every case that matched
        audit.recordList(AuditAction.CASES_LISTED, answered.stream().map(c -> UUID.fromString(c.get("id").asString())).toList());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(all.size()));
        String next = page.next(request.getRequestURI(), request.getQueryString(), all.size());
        if (next != null) {
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(answered);
    }

    @Operation(summary = "One case")
    @ApiResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = STORED_CASE)))
    @GetMapping("/{id}")
    JsonNode read(@PathVariable String id) {
        StoredCase stored = cases.read(id);
        audit.record(AuditAction.CASE_READ, stored.id().toString(), null, AuditOutcome.OK);
        return views.view(stored);
    }

    @Operation(summary = "Replace the case; the body's version must equal the stored one")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = REPLACEMENT)))
    @ApiResponse(responseCode = "200", description = "The saved case",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = STORED_CASE)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PutMapping("/{id}")
    JsonNode replace(@PathVariable String id, HttpServletRequest request) throws IOException {
        StoredCase current = cases.read(id);
        try {
            JsonNode body = bodies.read(request);
            long version = versionOf(body, validator);
            return views.view(intake.replace(current.id(), version, body, CaseBinder.Source.JSON));
        } catch (InputException e) {
            audit.record(AuditAction.CASE_UPDATED, current.id().toString(), null, AuditOutcome.REJECTED);
            throw e;
        }
    }

    /**
     * The case's completeness against its own policy; {@code ?policy=all} judges it against every
     * payer policy covering its treatment, {@code ?policy=<id>} against that one policy instead.
     */
    @Operation(summary = "Evaluate the case against its policy",
            description = "Without `policy`: the completeness report against the case's own policy. With "
                    + "`policy=<id>`: the report against that policy instead. With `policy=all`: per policy "
                    + "covering the treatment, complete or the unmet criteria.")
    @ApiResponse(responseCode = "200", description = "A completeness report, or with policy=all a comparison",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {CompletenessReport.class, PolicyComparison.class})))
    @GetMapping("/{id}/completeness")
    Object completeness(@PathVariable String id, @RequestParam(required = false) String policy) {
        StoredCase stored = cases.read(id);
        audit.record(AuditAction.COMPLETENESS_CHECKED, stored.id().toString(), null, AuditOutcome.OK);
        if (policy == null || policy.isBlank()) {
            return completeness.check(stored.data());
        }
        if (policy.strip().equals("all")) {
            return completeness.compare(stored.data());
        }
        return completeness.checkAgainst(stored.data(), policy.strip())
                .orElseThrow(() -> new InputException("policy", "must be 'all' or a loaded policy id; see GET /api/v1/policies"));
    }

    /**
     * The version the client read. Without a usable one nothing is saved, but the body's other problems are
     * named with it, one entry per problem as for any 400: a client fixing the version alone would only meet
     * them on its next try.
     */
    private static long versionOf(JsonNode body, CaseValidator validator) {
        JsonNode v = body == null ? null : body.get("version");
        Long whole = v == null ? null : wholeVersion(v);
        if (whole != null && whole >= 0) {
            return whole;
        }
        // a whole number below 0 or that fits no long is no version (a case's first is 0), but "must be a whole
        // number" would be untrue of it, and a 409 "changed by someone else" for -1 more so
        String problem = v == null || v.isNull() ? "is required: send the version you read with GET"
                : v.isNumber() && WholeNumbers.isWhole(v.decimalValue())
                        ? "is beyond any version: send the version you read with GET" : "must be a whole number";
        List<FieldProblem> problems = new ArrayList<>(validator.validateJson(body).problems());
        if (body != null && body.isObject()) {
            // a body that is no object is named as that alone: it has no members, a version neither
            problems.add(new FieldProblem("version", problem));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        throw new InputException(problems);
    }

    /**
     * JSON has one kind of number, so 3.0 and 3e0 are version 3, as 8.0 is 8 sessions in the case
     * (WholeNumbers); a client holding the version as a float sent 3.0 and was told it is no whole number.
     */
    private static Long wholeVersion(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? v.longValue() : null;
        }
        if (!v.isNumber() || !WholeNumbers.isWhole(v.decimalValue())) {
            return null;
        }
        try {
            return v.decimalValue().longValueExact(); // fails fast on a huge exponent, before building digits
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static CaseStatus parseStatus(String status) {
        try {
            return CaseStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("status", "must be one of: DRAFT, READY");
        }
    }
}
