package dev.authpack.policy;

/**
 * CONTRAINDICATIONS: blood pressure measured within {@code bpWindowDays} before the start date and
 * strictly below both limits (the label's "consider delaying above 140/90"), plus the fixed screening
 * questions (psychosis, active substance use, vascular disease, pregnancy).
 */
public record ContraindicationRule(Integer bpSystolicLimit, Integer bpDiastolicLimit, Integer bpWindowDays) {

    public ContraindicationRule {
        Checks.range(bpSystolicLimit, "bpSystolicLimit", 50, 300);
        Checks.range(bpDiastolicLimit, "bpDiastolicLimit", 30, 200);
        Checks.range(bpWindowDays, "bpWindowDays", 0, 3650);
    }
}
