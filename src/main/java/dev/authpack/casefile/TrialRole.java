package dev.authpack.casefile;

public enum TrialRole {
    MONOTHERAPY, AUGMENTATION
}
