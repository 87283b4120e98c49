package dev.authpack.casefile;

import dev.authpack.core.Money;

/** A service billed once per session; {@code chargePerUnit} absent takes the fee schedule's charge. */
public record BillingLine(String code, String description, Integer unitsPerSession, Money chargePerUnit,
                          Money allowedPerUnit) {
}
