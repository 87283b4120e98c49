package dev.authpack.completeness;

import dev.authpack.core.Weeks;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.TrialOutcome;
import java.time.LocalDate;

/**
 * Evidence lines for treatment history, e.g.
 * "sertraline 200 mg/day, 2025-02-01 to 2025-04-15 (10 weeks), inadequate response".
 */
final class TrialLines {

    private TrialLines() {
    }

    static String describe(MedicationTrial t, LocalDate asOf) {
        StringBuilder line = new StringBuilder(t.drug() == null ? "(unnamed drug)" : t.drug());
        if (t.dailyDoseMg() != null) {
            line.append(' ').append(Wording.number(t.dailyDoseMg())).append(" mg/day");
        }
        line.append(", ");
        if (t.startDate() == null) {
            line.append("start date unknown");
            if (t.endDate() != null) {
                line.append(" to ").append(t.endDate());
            }
        } else {
            LocalDate end = t.endDate() != null ? t.endDate() : asOf;
            line.append(t.startDate()).append(" to ").append(t.endDate() != null ? t.endDate() : "present");
            long days = Wording.daysBefore(t.startDate(), end);
            if (t.endDate() == null && days < 0) {
                line.append(" (not started as of ").append(asOf).append(')');
            } else {
                line.append(" (").append(length(days)).append(t.endDate() == null ? " as of " + asOf : "").append(')');
            }
        }
        line.append(", ").append(t.outcome() == null ? "outcome not recorded" : Wording.outcome(t.outcome()));
        if (t.improvementPct() != null && t.outcome() == TrialOutcome.PARTIAL_RESPONSE) {
            line.append(" (").append(Wording.improvement(t.improvementPct())).append(')');
        }
        return line.toString();
    }

    static String describe(Psychotherapy p) {
        StringBuilder line = new StringBuilder(p.modality() == null ? "modality not recorded" : p.modality());
        if (p.startDate() != null) {
            line.append(", ").append(p.startDate()).append(" to ").append(p.endDate() != null ? p.endDate() : "present");
        }
        line.append(", ").append(p.sessions() == null ? "sessions not recorded" : Wording.count(p.sessions(), "session", "sessions"));
        return line.toString();
    }

    private static String length(long days) {
        if (days < 0) {
            return "ends before it starts";
        }
        return days < 7 ? Wording.count(days, "day", "days") : Wording.count(Weeks.ofDays(days), "week", "weeks");
    }
}
