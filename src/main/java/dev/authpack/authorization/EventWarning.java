package dev.authpack.authorization;

/**
 * Why a recorded event may not turn out as the clerk expects: the answer's {@code warnings} carry
 * these names, and the event is recorded all the same.
 */
enum EventWarning {
    /** The session's date lies outside approvedFrom..approvedTo. */
    OUTSIDE_APPROVED_WINDOW,
    /** More sessions were given than the payer approved. */
    OVER_APPROVED_SESSIONS,
    /**
     * A submission whose latest packet was made before the case's last change: what the payer got
     * may not say what the case says now. Known only when the event is recorded (the case and its
     * packets change later), so it is kept with the event (V133) for the timeline and the event list.
     */
    PACKET_OUTDATED
}
