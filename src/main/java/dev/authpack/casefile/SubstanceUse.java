package dev.authpack.casefile;

public enum SubstanceUse {
    NONE, IN_REMISSION, ACTIVE
}
