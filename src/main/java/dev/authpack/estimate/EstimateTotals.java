package dev.authpack.estimate;

import dev.authpack.core.Money;

/** The whole course: the contract's {@code totals}, each a sum of rounded lines. */
record EstimateTotals(Money charges, Money allowed, Money patient, Money plan, Money balanceBilling) {
}
