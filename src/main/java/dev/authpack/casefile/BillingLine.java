package dev.authpack.casefile;

import dev.authpack.core.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A service billed once per session; {@code chargePerUnit} absent takes the fee schedule's charge. */
public record BillingLine(@NotNull @Size(max = 200) String code, @Size(max = 200) String description,
                          @Min(0) @Max(10000) Integer unitsPerSession, Money chargePerUnit, Money allowedPerUnit) {
}
