package dev.authpack.web;

/** A body that is not declared as JSON where JSON is required: answered 415. */
class UnsupportedMediaTypeException extends RuntimeException {

    /** {@code expected} names what to send, e.g. "a FHIR Bundle as application/fhir+json". */
    public UnsupportedMediaTypeException(String contentType, String expected) {
        super("Send " + expected + (contentType == null || contentType.isBlank() ? " (no Content-Type was given)."
                : ", not " + contentType + "."));
    }
}
