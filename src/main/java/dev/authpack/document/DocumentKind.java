package dev.authpack.document;

public enum DocumentKind {
    PACKET, EXCEPTION_PACKET, ESTIMATE
}
