package dev.authpack.security;

import org.springframework.security.core.Authentication;

/**
 * Published when a form sign-in whose password was right has been answered: {@code SIGNED_IN} once its redirect
 * stored the session under its new id, {@code SESSION_BUSY} when another transaction held the session's row (the
 * clerk was answered 503 "not signed in yet"), {@code NOT_STORED} when storing it failed otherwise. Spring's
 * success event comes before the session is stored, so it cannot say whether the sign-in held.
 */
public record SignInAnsweredEvent(Authentication authentication, Answer answer) {

    /** How the sign-in ended. */
    public enum Answer { SIGNED_IN, SESSION_BUSY, NOT_STORED }
}
