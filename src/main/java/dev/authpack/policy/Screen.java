package dev.authpack.policy;

/** Whether a contraindication screen that some payers ask for and others do not is applied. */
public enum Screen {
    CHECKED, NOT_CHECKED
}
