package dev.authpack.casefile;

public enum PlanType {
    COMMERCIAL, MEDICARE, MEDICAID, SELF_PAY
}
