package dev.authpack.casefile;

/** What a request is for: treatment-resistant depression, or depressive symptoms with acute suicidality. */
public enum Indication {
    TRD, MDSI
}
