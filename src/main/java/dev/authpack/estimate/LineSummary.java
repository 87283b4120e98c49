package dev.authpack.estimate;

import dev.authpack.core.Money;

/**
 * One billing line over the whole course: what a session bills for it and what the course totals
 * are. Extra detail beyond the contract's shape, which lets clients and the PDF itemize.
 */
record LineSummary(String code, String description, int unitsPerSession, Money chargePerUnit,
                          Money chargePerSession, Money allowedPerSession, Money charges, Money allowed,
                          Money patient, Money plan) {
}
