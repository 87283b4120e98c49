package dev.authpack.casefile;

public enum Sex {
    female, male, other, unknown
}
