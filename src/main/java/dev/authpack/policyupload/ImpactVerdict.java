package dev.authpack.policyupload;

import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CriterionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How a case stands under one policy version, as an administrator may see it: complete or not,
 * and what is lacking by criterion id and field name only (no values, no patient data).
 */
record ImpactVerdict(boolean complete, List<String> lacking) {

    static ImpactVerdict of(CompletenessReport report) {
        List<String> lacking = new ArrayList<>();
        report.unmetCriteria().stream().map(CriterionResult::id).map(Enum::name).forEach(lacking::add);
        report.missing().stream().filter(f -> !lacking.contains(f)).forEach(lacking::add);
        return new ImpactVerdict(report.complete(), List.copyOf(lacking));
    }

    /** "now complete" or "now missing CONCURRENT_ANTIDEPRESSANT, PDMP". */
    String describe() {
        return complete ? "now complete" : "now missing " + String.join(", ", lacking);
    }
}
