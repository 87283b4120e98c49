package dev.authpack.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount of US dollars, always held to the cent. Arithmetic that yields fractions of a cent goes
 * through {@link #of(BigDecimal)}, which rounds HALF_UP as the estimate contract requires.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Rounds HALF_UP to the cent. */
    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** {@code $3,263.69}; the same digits in every language, as patients compare the two versions. */
    public String formatted() {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        return f.format(amount);
    }

    @JsonValue
    @Override
    public BigDecimal amount() {
        return amount;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
