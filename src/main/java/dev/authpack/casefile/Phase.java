package dev.authpack.casefile;

public enum Phase {
    INITIAL, REAUTHORIZATION
}
