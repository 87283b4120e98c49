package dev.authpack.estimate;

import dev.authpack.core.Money;

/**
 * A billing line ready for arithmetic: the charge per unit is known (from the case or the fee
 * schedule); {@code allowedPerUnit} stays null when the payer's allowed amount is not known.
 */
record PricedLine(String code, String description, int unitsPerSession, Money chargePerUnit,
                         Money allowedPerUnit) {

    public PricedLine {
        if (code == null || chargePerUnit == null) {
            throw new IllegalArgumentException("a priced line needs a code and a charge per unit");
        }
        if (unitsPerSession < 0) {
            throw new IllegalArgumentException("units per session cannot be negative");
        }
    }
}
