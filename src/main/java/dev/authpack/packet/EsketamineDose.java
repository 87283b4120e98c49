package dev.authpack.packet;

import dev.authpack.casefile.BillingLine;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.Treatment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dose per session the letter's plan states, read from the billing codes the case requests: the case has
 * no dose field, and the letter states only facts in the case. Esketamine is billed per mg under J0013 (S0013
 * before 2026), so its units are the dose; G2082 and G2083 say only "up to" or "more than" 56 mg. IV ketamine's
 * J3490 is an unclassified drug whose units are not milligrams: no dose is read from it.
 */
final class EsketamineDose {

    /** {@code amount} as the letter writes it ("84 mg"), {@code code} the line it was read from. */
    record Dose(String amount, String code) {
    }

    private EsketamineDose() {
    }

    static Optional<Dose> of(CaseData c) {
        if (c.request().treatment() != Treatment.ESKETAMINE) {
            return Optional.empty();
        }
        List<BillingLine> lines = c.request().lines();
        // every line is billed each session, so the mg of one code on several lines (one per NDC: a 56 mg kit and a
        // 28 mg kit for 84 mg) add up to the session's dose
        Map<String, Integer> mgByCode = new LinkedHashMap<>();
        for (BillingLine line : lines) {
            String code = code(line);
            Integer units = line.unitsPerSession();
            if ((code.equals("J0013") || code.equals("S0013")) && units != null && units > 0) {
                mgByCode.merge(code, units, Integer::sum);
            }
        }
        if (!mgByCode.isEmpty()) {
            Map.Entry<String, Integer> first = mgByCode.entrySet().iterator().next();
            return Optional.of(new Dose(first.getValue() + " mg", first.getKey()));
        }
        for (BillingLine line : lines) {
            String code = code(line);
            if (code.equals("G2083")) {
                return Optional.of(new Dose("more than 56 mg", code));
            }
            if (code.equals("G2082")) {
                return Optional.of(new Dose("up to 56 mg", code));
            }
        }
        return Optional.empty();
    }

    private static String code(BillingLine line) {
        return line.code() == null ? "" : line.code().strip().toUpperCase(Locale.ROOT);
    }
}
