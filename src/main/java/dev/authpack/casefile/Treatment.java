package dev.authpack.casefile;

public enum Treatment {
    ESKETAMINE, KETAMINE_IV
}
