package dev.authpack.completeness;

import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.policy.DrugCatalog;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.policy.TemplatesProperties;
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

    static Policy policy(String id) {
        return POLICIES.find(id).orElseThrow();
    }
}
