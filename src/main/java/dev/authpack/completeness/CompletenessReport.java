package dev.authpack.completeness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * The contract's completeness report: {@code complete} only when nothing is missing and every
 * criterion the policy applies is MET. {@code policy} is null when the case names no loaded policy
 * (written as {@code "policy": null} even where the API leaves nulls out, so clients see the member).
 */
@JsonPropertyOrder({"complete", "policy", "asOf", "missing", "criteria"})
public record CompletenessReport(boolean complete, @JsonInclude(JsonInclude.Include.ALWAYS) PolicyRef policy, LocalDate asOf, List<String> missing,
                                 List<CriterionResult> criteria) {

    /**
     * The policy and the version the case was judged against (stamped into packets and audit). The
     * contract names three members, so {@code effectiveFrom} is written as null for a single-version
     * policy (one in force whatever the date) instead of being left out.
     */
    public record PolicyRef(String id, String version,
                            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate effectiveFrom) {

        /** A policy with a single version in force whatever the date. */
        public PolicyRef(String id, String version) {
            this(id, version, null);
        }
    }

    public CompletenessReport {
        missing = List.copyOf(missing);
        criteria = List.copyOf(criteria);
    }

    static CompletenessReport of(PolicyRef policy, LocalDate asOf, List<String> missing,
                                 List<CriterionResult> criteria) {
        boolean complete = policy != null && missing.isEmpty() && criteria.stream().allMatch(CriterionResult::isMet);
        return new CompletenessReport(complete, policy, asOf, missing, criteria);
    }

    /** The criteria that are not MET (NOT_MET or MISSING), in report order: what an exception letter names. */
    @JsonIgnore
    public List<CriterionResult> unmetCriteria() {
        return criteria.stream().filter(c -> !c.isMet()).toList();
    }
}
