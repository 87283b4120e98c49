package dev.authpack.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.authpack.casefile.Indication;
import dev.authpack.casefile.Treatment;
import dev.authpack.core.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/policies}: which payer policies are loaded (each id once, its newest version),
 * so clients can pick a policyId; {@code GET /api/v1/policies/{id}/versions}: every version, oldest first.
 */
@RestController
class PolicyApiController {

    private final PolicyCatalog policies;

    PolicyApiController(PolicyCatalog policies) {
        this.policies = policies;
    }

    /**
     * A policy version as the list and the versions answer show it. {@code effectiveFrom} is written as null
     * for a version in force whatever the date, instead of being left out: the contract names the member.
     */
    record PolicySummary(String id, String version, @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate effectiveFrom,
                         String name, String source,
                         Set<Treatment> treatments, Set<Indication> indications) {

        static PolicySummary of(Policy p) {
            return new PolicySummary(p.id(), p.version(), p.effectiveFrom(), p.name(), p.source(), p.treatments(),
                    p.indications().keySet());
        }
    }

    @Operation(summary = "The loaded payer policies")
    @GetMapping("/api/v1/policies")
    List<PolicySummary> list() {
        return policies.all().stream().map(PolicySummary::of).toList();
    }

    @Operation(summary = "List every version of a policy, oldest first")
    @GetMapping("/api/v1/policies/{id}/versions")
    List<PolicySummary> versions(@PathVariable String id) {
        List<Policy> versions = policies.versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("policy");
        }
        return versions.stream().map(PolicySummary::of).toList();
    }
}
