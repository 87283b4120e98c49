package dev.authpack.document;

public enum DocumentKind {
    PACKET, EXCEPTION_PACKET, ESTIMATE,
    /** A letter answering a denial, followed by the pages of the latest packet. */
    APPEAL_PACKET
}
