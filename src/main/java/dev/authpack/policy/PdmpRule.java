package dev.authpack.policy;

/** PDMP: the prescription-monitoring check must be dated within this many days before the start date. */
public record PdmpRule(Integer pdmpWindowDays) {

    public PdmpRule {
        Checks.range(pdmpWindowDays, "pdmpWindowDays", 0, 3650);
    }
}
