package dev.authpack.casefile;

public enum Specialty {
    PSYCHIATRY, PSYCHIATRIC_NP, PRIMARY_CARE, OTHER
}
