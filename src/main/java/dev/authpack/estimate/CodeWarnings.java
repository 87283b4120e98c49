package dev.authpack.estimate;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a request's estimate should warn billing staff about, on the case page and in the estimate's
 * answer: a code the fee schedules say is not valid on the request's start date (e.g. S0013 after it
 * was replaced by J0013; codes no schedule knows draw no warning: clinics may bill codes they price
 * themselves), and a Good Faith Estimate for a start date already past, which 45 CFR 149.610 wants
 * given before the service (../domain/FACTS.md). A warning, not a refusal: a clinic may need the
 * estimate again for its records.
 */
@Component
public class CodeWarnings {

    private final FeeSchedules schedules;
    private final Clock clock;

    CodeWarnings(FeeSchedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    /** One sentence per retired or not-yet-valid code, in line order, each code once; then the date's. */
    public List<String> warningsFor(CaseData data) {
        // without a start date the request is taken to be for today, the earliest it could be
        LocalDate today = LocalDate.now(clock);
        LocalDate date = Optional.ofNullable(data.request().startDate()).orElse(today);
        Set<String> warnings = new LinkedHashSet<>();
        data.request().lines().stream()
                .map(BillingLine::code)
                .filter(Objects::nonNull)
                .forEach(code -> warning(code, date).ifPresent(warnings::add));
        if (data.selfPay() && date.isBefore(today)) {
            warnings.add("The start date " + date + " has passed: a Good Faith Estimate is given before the service"
                    + " (within 1 business day of scheduling, 3 when it is scheduled 10 or more days ahead)");
        }
        return List.copyOf(warnings);
    }

    private Optional<String> warning(String code, LocalDate date) {
        List<FeeEntry> entries = schedules.entries(code);
        if (entries.isEmpty() || entries.stream().anyMatch(e -> e.appliesOn(date))) {
            return Optional.empty();
        }
        Optional<FeeEntry> retired = entries.stream()
                .filter(e -> e.effectiveTo() != null && e.effectiveTo().isBefore(date))
                .max((a, b) -> a.effectiveTo().compareTo(b.effectiveTo()));
        if (retired.isPresent()) {
            FeeEntry e = retired.get();
            LocalDate replacedOn = e.effectiveTo().plusDays(1);
            return Optional.of(e.replacedBy() == null
                    ? e.code() + " is not valid after " + e.effectiveTo()
                    : e.code() + " was replaced by " + e.replacedBy() + " on " + replacedOn);
        }
        LocalDate firstValid = entries.stream().map(FeeEntry::effectiveFrom).min(LocalDate::compareTo).orElseThrow();
        return Optional.of(entries.get(0).code() + " is not valid before " + firstValid);
    }
}
