package dev.authpack.completeness;

import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.content.TemplatesProperties;
import java.nio.file.Path;

/** The shipped templates, loaded once for all evaluator tests (real loaders, no Spring). */
final class TestCatalogs {

    static final TemplatesProperties TEMPLATES = new TemplatesProperties(Path.of("templates"));
    static final DiagnosisCodes CODES = new DiagnosisCodes(TEMPLATES);
    static final DrugCatalog DRUGS = new DrugCatalog(TEMPLATES);
    static final PolicyCatalog POLICIES = new PolicyCatalog(TEMPLATES, CODES);
    static final CompletenessEvaluator EVALUATOR = new CompletenessEvaluator(DRUGS, CODES);

    private TestCatalogs() {
    }

    /** "Today" for cases without a start date. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 22);

    /** Judges the case against the policy it names, as of its start date or {@link #TODAY} (as the service does). */
    static CompletenessReport evaluate(CaseBuilder builder) {
        var data = builder.data();
        var asOf = data.request().startDate() != null ? data.request().startDate() : TODAY;
        return EVALUATOR.evaluate(data, POLICIES.find(data.policyId()).orElse(null), asOf);
    }

    /** The criterion's status name, or ABSENT when the report leaves it out. */
    static String status(CompletenessReport report, CriterionId id) {
        return find(report, id).map(c -> c.status().name()).orElse("ABSENT");
    }

    static java.util.Optional<CriterionResult> find(CompletenessReport report, CriterionId id) {
        return report.criteria().stream().filter(c -> c.id() == id).findFirst();
    }

    static Policy policy(String id) {
        return POLICIES.find(id).orElseThrow();
    }
}
