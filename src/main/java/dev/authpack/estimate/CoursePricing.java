package dev.authpack.estimate;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.TreatmentRequest;
import dev.authpack.core.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a case's request into a priced course: a line without {@code chargePerUnit} takes the fee
 * schedule's charge for its code on the request's start date (today when there is none yet).
 */
final class CoursePricing {

    private final FeeSchedules schedules;
    private final Clock clock;

    CoursePricing(FeeSchedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The contract paths of what the estimate cannot do without; empty when it can be computed. */
    List<String> missing(CaseData data) {
        TreatmentRequest request = data.request();
        List<String> missing = new ArrayList<>();
        // insured or self-pay decides the arithmetic and the document (a Good Faith Estimate): not guessed
        if (data.coverage().planType() == null) {
            missing.add("coverage.planType");
        }
        if (request.sessions() == null || request.sessions() < 1) {
            missing.add("request.sessions");
        }
        if (request.lines().isEmpty()) {
            missing.add("request.lines");
        }
        for (int i = 0; i < request.lines().size(); i++) {
            if (charge(request.lines().get(i), pricingDate(data)).isEmpty()) {
                missing.add("request.lines[" + i + "].chargePerUnit");
            }
        }
        return missing;
    }

    /** Call only when {@link #missing} is empty. */
    PricedCourse price(CaseData data) {
        LocalDate date = pricingDate(data);
        List<PricedLine> lines = data.request().lines().stream()
                .map(l -> priced(l, date))
                .toList();
        Benefits benefits = Benefits.of(data.coverage(), data.selfPay());
        return new PricedCourse(benefits, data.request().sessions(), lines);
    }

    LocalDate pricingDate(CaseData data) {
        return Optional.ofNullable(data.request().startDate()).orElseGet(() -> LocalDate.now(clock));
    }

    private Optional<Money> charge(BillingLine line, LocalDate date) {
        if (line.chargePerUnit() != null) {
            return Optional.of(line.chargePerUnit());
        }
        return schedules.entryOn(line.code(), date).map(FeeEntry::charge);
    }

    private PricedLine priced(BillingLine line, LocalDate date) {
        Money charge = charge(line, date).orElseThrow();
        if (line.description() != null && !line.description().isBlank()) {
            return new PricedLine(line.code(), line.description(), null, units(line), charge, line.allowedPerUnit());
        }
        Optional<FeeEntry> entry = schedules.entryOn(line.code(), date);
        return new PricedLine(line.code(), entry.map(FeeEntry::description).orElse(null),
                entry.map(FeeEntry::descriptionEs).orElse(null), units(line), charge, line.allowedPerUnit());
    }

    /** An absent unit count means one unit: a line is billed at least once per session. */
    private static int units(BillingLine line) {
        return line.unitsPerSession() == null ? 1 : line.unitsPerSession();
    }
}
