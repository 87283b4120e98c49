package dev.authpack.authorization;

import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.web.JsonBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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

    @PostMapping("/cases/{id}/events")
    ResponseEntity<AuthorizationService.Recorded> record(@PathVariable String id, HttpServletRequest request)
            throws IOException {
        UUID caseId = cases.read(id).id();
        JsonNode body = bodies.read(request);
        AuthorizationService.Recorded recorded = authorizations.record(caseId, body);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/events")).body(recorded);
    }

    @GetMapping("/cases/{id}/events")
    List<AuthEvent> events(@PathVariable String id) {
        return authorizations.events(cases.read(id).id());
    }

    @PostMapping("/cases/{id}/reauthorization")
    ResponseEntity<JsonNode> reauthorize(@PathVariable String id) {
        StoredCase created = renewals.reauthorize(cases.read(id).id());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id())).body(views.view(created));
    }

    @GetMapping("/worklist")
    Worklist worklist(@RequestParam(required = false) String list, @RequestParam(required = false) String sort,
                      @RequestParam(required = false) String dir) {
        return worklist.today(WorklistSort.parse(list, sort, dir));
    }
}
