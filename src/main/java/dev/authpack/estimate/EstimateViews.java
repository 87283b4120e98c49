package dev.authpack.estimate;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Coverage;
import dev.authpack.casefile.Facility;
import dev.authpack.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Builds the estimate's view model: formats every figure and date once, for one language. */
final class EstimateViews {

    // "1 Main St, Springfield, MA 01101": the state is the two capitals before the ZIP code
    private static final Pattern STATE = Pattern.compile("\\b([A-Z]{2})\\s+\\d{5}(?:-\\d{4})?\\s*$");

    private EstimateViews() {
    }

    /** {@code priced} are the lines {@code estimate} was computed from, in the same order. */
    static EstimateView of(CaseData data, List<PricedLine> priced, Estimate estimate, String diagnosisDescription,
                           Locale locale, LocalDate today, String feeSchedule) {
        if (priced.size() != estimate.lines().size()) {
            throw new IllegalArgumentException("the estimate was not computed from these lines");
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        var patient = data.patient();
        var person = new EstimateView.Person(blankToNull(patient.fullName()), format(patient.dateOfBirth(), dates),
                data.coverage().payerName(), patient.memberId());
        var diagnosis = new EstimateView.Diagnosis(Objects.toString(data.diagnosis().icd10(), null),
                diagnosisDescription);
        var request = data.request();
        var service = new EstimateView.Service(request.treatment() == null ? null : request.treatment().name(),
                format(request.startDate(), dates), estimate.sessions(), estimate.sessions() > 1);
        var lines = IntStream.range(0, priced.size()).mapToObj(i -> line(estimate.lines().get(i),
                description(priced.get(i), locale))).toList();
        boolean sessionsDiffer = estimate.perSession().stream().map(SessionCost::patient).distinct().count() > 1;
        var sessions = estimate.perSession().stream().map(s -> new EstimateView.Session(s.session(),
                s.patient().formatted(), s.plan().formatted())).toList();
        EstimateTotals t = estimate.totals();
        var totals = new EstimateView.Totals(t.charges().formatted(), t.allowed().formatted(),
                t.patient().formatted(), t.plan().formatted(), t.balanceBilling().formatted(),
                t.balanceBilling().isPositive(), average(t.patient(), estimate.sessions()).formatted());
        return new EstimateView(data.selfPay(), !data.selfPay() && !data.coverage().isInNetwork(),
                today.format(dates), person, provider(data), diagnosis, service, lines, sessions, totals,
                sessionsDiffer, sessionsReason(data.coverage(), t), benefits(data.coverage()), feeSchedule);
    }

    /**
     * Why the sessions differ, as the suffix of the note's key: the deductible ("deductible"), the
     * out-of-pocket maximum ("cap"), or both (""). The note must not tell a patient that payments stop
     * at a maximum the estimate never reaches, nor blame a deductible that is already met.
     */
    static String sessionsReason(Coverage c, EstimateTotals t) {
        boolean deductible = c.deductibleRemaining() != null && c.deductibleRemaining().isPositive();
        // the cap holds the share only: balance billing runs outside it
        boolean cap = c.oopRemaining() != null
                && t.patient().amount().subtract(t.balanceBilling().amount()).compareTo(c.oopRemaining().amount()) >= 0;
        if (deductible == cap) {
            return "";
        }
        return deductible ? ".deductible" : ".cap";
    }

    private static EstimateView.Line line(LineSummary l, String description) {
        return new EstimateView.Line(l.code(), description, l.unitsPerSession(), l.chargePerUnit().formatted(),
                l.chargePerSession().formatted(), l.allowedPerSession().formatted(), l.charges().formatted(),
                l.patient().formatted());
    }

    /**
     * The one place a line's words follow the document's language. Only the fee schedule's wording
     * has a Spanish version; the clinic's own description and a schedule entry without one print as
     * written, so a line never goes blank for want of a translation.
     */
    private static String description(PricedLine line, Locale locale) {
        if ("es".equals(locale.getLanguage()) && line.descriptionEs() != null) {
            return line.descriptionEs();
        }
        return line.description();
    }

    private static EstimateView.Provider provider(CaseData data) {
        Facility f = data.facility();
        String address = blankToNull(f.address());
        return new EstimateView.Provider(data.prescriber().name(), Objects.toString(data.prescriber().npi(), null),
                f.name(), Objects.toString(f.npi(), null), Objects.toString(f.tin(), null), address, state(address));
    }

    private static EstimateView.Benefits benefits(Coverage c) {
        return new EstimateView.Benefits(formatted(c.deductibleRemaining()),
                c.coinsurancePct() == null ? null : c.coinsurancePct().stripTrailingZeros().toPlainString() + "%",
                positive(c.copayPerSession()), formatted(c.oopRemaining()));
    }

    /** "About this much per session": the total spread evenly, as the per-session table varies. */
    private static Money average(Money total, int sessions) {
        return Money.of(total.amount().divide(BigDecimal.valueOf(sessions), 2, RoundingMode.HALF_UP));
    }

    static String state(String address) {
        if (address == null) {
            return null;
        }
        Matcher m = STATE.matcher(address.strip());
        return m.find() ? m.group(1) : null;
    }

    /** A copay of zero is no copay: the sentence about it would only confuse. */
    private static String positive(Money money) {
        return money == null || !money.isPositive() ? null : money.formatted();
    }

    private static String formatted(Money money) {
        return money == null ? null : money.formatted();
    }

    private static String format(LocalDate date, DateTimeFormatter dates) {
        return date == null ? null : date.format(dates);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
