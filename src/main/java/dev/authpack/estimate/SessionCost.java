package dev.authpack.estimate;

import dev.authpack.core.Money;

/** What one session costs the patient and the plan (the contract's {@code perSession} element). */
record SessionCost(int session, Money patient, Money plan, Money charges, Money allowed,
                          Money balanceBilling) {
}
