package dev.authpack.estimate;

import dev.authpack.core.Money;

/**
 * A billing line ready for arithmetic: the charge per unit is known (from the case or the fee
 * schedule); {@code allowedPerUnit} stays null when the payer's allowed amount is not known.
 * {@code descriptionEs} is the fee schedule's Spanish wording, set only when {@code description} is the
 * schedule's too: a description typed on the case is the clinic's own words and has no translation.
 */
record PricedLine(String code, String description, String descriptionEs, int unitsPerSession, Money chargePerUnit,
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
