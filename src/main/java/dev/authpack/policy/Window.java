package dev.authpack.policy;

/**
 * A dating rule that is not a number of days: CURRENT_EPISODE (on or after the diagnosis's
 * episode start and on or before the start date) or ANY_DATE (on or before the start date; the
 * policy states no window).
 */
public enum Window {
    CURRENT_EPISODE, ANY_DATE
}
