package dev.authpack.policy;

import dev.authpack.casefile.DrugClass;
import java.math.BigDecimal;

/** A catalog drug: its class and the minimum daily dose (mg) that counts as an adequate trial. */
public record Drug(String name, DrugClass drugClass, BigDecimal minDailyDoseMg) {

    public Drug {
        name = Checks.text(name, "name");
        if (drugClass == null) {
            throw new IllegalArgumentException("drugClass is required for " + name);
        }
        if (minDailyDoseMg == null || minDailyDoseMg.signum() <= 0) {
            throw new IllegalArgumentException("minDailyDoseMg must be a positive number for " + name);
        }
    }
}
