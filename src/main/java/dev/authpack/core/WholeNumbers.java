package dev.authpack.core;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * The one reading of a JSON number as a whole number, for the case and the events alike. JSON has one
 * kind of number, so 8.0 and 8e0 are 8 (a client holding a count as a float sends 8.0). Decided from
 * the number's digits and exponent alone: "1e999999999" is eleven characters, but an exact integer of
 * it has a billion digits, and building one held a core for minutes.
 */
public final class WholeNumbers {

    /** At most ten digits before the point, so the exact value is cheap to build. */
    private static final int MAX_DIGITS = 10;

    private WholeNumbers() {
    }

    /** Whether the number has no fraction (8.0 has none, 8.5 has). */
    public static boolean isWhole(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0;
    }

    /** The number as an int; empty when it has a fraction or lies beyond an int. */
    public static OptionalInt of(BigDecimal number) {
        BigDecimal n = number.stripTrailingZeros();
        if (n.scale() > 0 || n.precision() - n.scale() > MAX_DIGITS) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(n.intValueExact());
        } catch (ArithmeticException e) {
            return OptionalInt.empty();
        }
    }
}
