package dev.authpack.policyupload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CriterionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How a case stands under one policy version, as an administrator may see it: complete or not,
 * and what is lacking by criterion id and field name only (no values, no patient data). The same
 * in the words of the checklist, for the notice billing staff read on the case.
 */
record ImpactVerdict(boolean complete, List<String> lacking, @JsonIgnore List<String> inWords) {

    static ImpactVerdict of(CompletenessReport report) {
        List<String> lacking = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (CriterionResult c : report.unmetCriteria()) {
            lacking.add(c.id().name());
            words.add(c.label());
        }
        report.missing().stream().filter(f -> !lacking.contains(f)).forEach(f -> {
            lacking.add(f);
            words.add(f);
        });
        return new ImpactVerdict(report.complete(), List.copyOf(lacking), List.copyOf(words));
    }

    /** "now complete" or "now missing Concurrent oral antidepressant, PDMP check", as the checklist names them. */
    String describe() {
        return complete ? "now complete" : "now missing " + String.join(", ", inWords);
    }
}
