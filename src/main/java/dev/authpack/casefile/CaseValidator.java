package dev.authpack.casefile;

import dev.authpack.core.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The three input tiers in one place: shape (the binder), field and cross-field rules (Bean
 * Validation on the case records), and references to loaded data (the policy id). Payer criteria
 * are not input rules: they belong to the completeness report.
 */
@Component
public class CaseValidator {

    private final Validator validator;
    private final KnownPolicies policies;
    private final CaseLimits limits;

    CaseValidator(Validator validator, KnownPolicies policies, CaseLimits limits) {
        this.validator = validator;
        this.policies = policies;
        this.limits = limits;
    }

    public record Result(CaseData data, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A case in the API's JSON form, judged exactly as {@code POST /cases} judges it (for other features' imports). */
    public Result validateJson(JsonNode tree) {
        return validate(tree, CaseBinder.Source.JSON);
    }

    /** A case as the web form sends it (every value text), judged as saving it would judge it, without saving. */
    public Result validateForm(JsonNode tree) {
        return validate(tree, CaseBinder.Source.FORM);
    }

    Result validate(JsonNode tree, CaseBinder.Source source) {
        CaseBinder.Result bound = new CaseBinder(source).bind(tree);
        List<FieldProblem> problems = new ArrayList<>(bound.problems());
        CaseData data = bound.data();
        if (data != null) {
            // a value the binder rejected is bound as null: don't report it a second time as "must not be null"
            Set<String> rejected = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
            for (ConstraintViolation<CaseData> v : validator.validate(data)) {
                String field = bound.positions().jsonPath(v.getPropertyPath().toString());
                if (!rejected.contains(field) && !withinCharacters(v)) {
                    problems.add(new FieldProblem(field, v.getMessage()));
                }
            }
            limits.problems(data).stream()
                    .map(p -> new FieldProblem(bound.positions().jsonPath(p.field()), p.message()))
                    .filter(p -> !rejected.contains(p.field())).forEach(problems::add);
            if (data.policyId() != null && !policies.isLoaded(data.policyId())) {
                problems.add(new FieldProblem("policyId", "is not a loaded policy; see GET /api/v1/policies"));
            }
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return new Result(data, List.copyOf(problems));
    }

    /**
     * The contract's "text fields ≤ 200 characters" counts characters; {@code @Size} counts UTF-16 units, two
     * for a character outside the Basic Multilingual Plane (the 𠮷 of some Japanese surnames, an emoji). The
     * records keep {@code @Size} (the API description reads it as {@code maxLength}); its verdict on text is
     * taken here in characters, as the event binder counts them.
     */
    private static boolean withinCharacters(ConstraintViolation<?> v) {
        if (!(v.getConstraintDescriptor().getAnnotation() instanceof Size size) || !(v.getInvalidValue() instanceof String s)) {
            return false;
        }
        return s.codePointCount(0, s.length()) <= size.max();
    }
}
