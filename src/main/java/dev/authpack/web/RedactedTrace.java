package dev.authpack.web;

/**
 * An exception's stack trace for the log, without its messages. A message may quote what the request
 * carried (a database error quotes the value that did not fit, a parser the text it could not read),
 * and the log must hold no patient data; the classes and frames are what finding the fault needs.
 */
final class RedactedTrace {

    /** Causes deeper than this are left out (a cause chain that loops back would never end). */
    private static final int MAX_CAUSES = 16;

    private RedactedTrace() {
    }

    static Throwable of(Throwable e) {
        return of(e, 0);
    }

    private static Throwable of(Throwable e, int depth) {
        Throwable copy = new Throwable(e.getClass().getName() + " (message left out: it may quote the request)");
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause != null && cause != e && depth < MAX_CAUSES) {
            copy.initCause(of(cause, depth + 1));
        }
        return copy;
    }
}
