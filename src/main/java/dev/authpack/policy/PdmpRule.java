package dev.authpack.policy;

/**
 * PDMP: the prescription-monitoring check must be dated within {@code pdmpWindowDays} before the
 * start date, or — with {@code pdmpWindow: ANY_DATE}, for policies that state no window — on any
 * date up to the start date.
 */
public record PdmpRule(Integer pdmpWindowDays, Window pdmpWindow) {

    public PdmpRule {
        if (pdmpWindow == null) {
            Checks.range(pdmpWindowDays, "pdmpWindowDays", 0, 3650);
        } else if (pdmpWindow != Window.ANY_DATE) {
            throw new IllegalArgumentException("pdmpWindow can only be ANY_DATE");
        } else if (pdmpWindowDays != null) {
            throw new IllegalArgumentException("give pdmpWindowDays or pdmpWindow, not both");
        }
    }

    public PdmpRule(Integer pdmpWindowDays) {
        this(pdmpWindowDays, null);
    }
}
