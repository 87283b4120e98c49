package dev.authpack.authorization;

/** Why a given session may not be paid: the answer's {@code warnings} carry these names. */
enum SessionWarning {
    /** The session's date lies outside approvedFrom..approvedTo. */
    OUTSIDE_APPROVED_WINDOW,
    /** More sessions were given than the payer approved. */
    OVER_APPROVED_SESSIONS
}
