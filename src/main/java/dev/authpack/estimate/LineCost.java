package dev.authpack.estimate;

import dev.authpack.core.Money;

/** One line in one session, every amount already rounded to the cent. */
record LineCost(int session, PricedLine line, Money charge, Money allowed, Money deductible, Money copay,
                Money coinsurance, Money share, Money balance, Money plan) {

    Money patient() {
        return share.plus(balance);
    }
}
