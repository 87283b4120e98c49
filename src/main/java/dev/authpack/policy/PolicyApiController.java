package dev.authpack.policy;

import dev.authpack.casefile.Treatment;
import java.util.List;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/policies}: which payer policies are loaded, so clients can pick a policyId. */
@RestController
class PolicyApiController {

    private final PolicyCatalog policies;

    PolicyApiController(PolicyCatalog policies) {
        this.policies = policies;
    }

    record PolicySummary(String id, String version, String name, String source, Set<Treatment> treatments) {
    }

    @Operation(summary = "The loaded payer policies")
    @GetMapping("/api/v1/policies")
    List<PolicySummary> list() {
        return policies.all().stream()
                .map(p -> new PolicySummary(p.id(), p.version(), p.name(), p.source(), p.treatments()))
                .toList();
    }
}
