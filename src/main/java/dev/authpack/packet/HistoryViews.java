package dev.authpack.packet;

import dev.authpack.casefile.ClinicalWords;
import dev.authpack.casefile.DrugClass;
import dev.authpack.casefile.MedicationTrial;
import dev.authpack.casefile.Psychotherapy;
import dev.authpack.casefile.TrialRole;
import dev.authpack.packet.PacketView.History;
import dev.authpack.packet.PacketView.TherapyRow;
import dev.authpack.packet.PacketView.TimelineBar;
import dev.authpack.packet.PacketView.TrialRow;
import dev.authpack.policy.DrugCatalog;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The treatment-history table and the timeline of trials and psychotherapy, in date order. */
final class HistoryViews {

    private final DrugCatalog drugs;

    HistoryViews(DrugCatalog drugs) {
        this.drugs = drugs;
    }

    History history(List<MedicationTrial> trials, List<Psychotherapy> therapy, LocalDate asOf) {
        List<MedicationTrial> ordered = trials.stream()
                .sorted(Comparator.comparing(MedicationTrial::startDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<TrialRow> mono = ordered.stream().filter(t -> t.effectiveRole() == TrialRole.MONOTHERAPY)
                .map(t -> row(t, asOf)).toList();
        List<TrialRow> augmentation = ordered.stream().filter(t -> t.effectiveRole() == TrialRole.AUGMENTATION)
                .map(t -> row(t, asOf)).toList();
        List<TherapyRow> courses = therapy.stream()
                .map(p -> new TherapyRow(p.modality(), Formats.date(p.startDate()), Formats.date(p.endDate()),
                        Formats.weeks(p.startDate(), p.endDate(), asOf), p.sessions()))
                .toList();
        return timeline(ordered, therapy, asOf, mono, augmentation, courses);
    }

    private TrialRow row(MedicationTrial t, LocalDate asOf) {
        return new TrialRow(t.drug(), drugClass(t), t.dailyDoseMg() == null ? null : Formats.number(t.dailyDoseMg()) + " mg/day",
                Formats.date(t.startDate()), Formats.date(t.endDate()), Formats.weeks(t.startDate(), t.endDate(), asOf),
                Formats.percent(t.adherencePct()), t.outcome() == null ? null : t.outcome().name(),
                Formats.change(t.improvementPct()));
    }

    /** The trial's class as entered, else the catalog's, in words; null when neither knows it. */
    String drugClass(MedicationTrial t) {
        DrugClass c = drugs.classOf(t.drug(), t.drugClass()).orElse(null);
        return c == null ? null : ClinicalWords.drugClass(c);
    }

    private History timeline(List<MedicationTrial> trials, List<Psychotherapy> therapy, LocalDate asOf,
                             List<TrialRow> mono, List<TrialRow> augmentation, List<TherapyRow> courses) {
        record Span(String label, LocalDate start, LocalDate end, String kind) {
        }
        List<Span> spans = new ArrayList<>();
        for (MedicationTrial t : trials) {
            if (t.startDate() != null) {
                spans.add(new Span(t.drug(), t.startDate(), t.endDate() != null ? t.endDate() : asOf,
                        t.effectiveRole() == TrialRole.AUGMENTATION ? "augmentation" : "trial"));
            }
        }
        for (Psychotherapy p : therapy) {
            if (p.startDate() != null) {
                spans.add(new Span(p.modality(), p.startDate(), p.endDate() != null ? p.endDate() : asOf, "therapy"));
            }
        }
        LocalDate first = spans.stream().map(Span::start).min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = spans.stream().flatMap(s -> Stream.of(s.start(), s.end())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        List<TimelineBar> bars = new ArrayList<>();
        StringBuilder alt = new StringBuilder();
        if (first != null) {
            long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
            for (Span s : spans) {
                long from = ChronoUnit.DAYS.between(first, s.start());
                long length = Math.max(1, ChronoUnit.DAYS.between(s.start(), s.end()));
                bars.add(new TimelineBar(s.label(), Formats.share(from, span), Formats.share(length, span), s.kind()));
                alt.append(s.label()).append(' ').append(s.start()).append(" to ").append(s.end()).append("; ");
            }
        }
        return new History(mono, augmentation, courses, bars, Formats.date(first), Formats.date(last),
                alt.toString().strip());
    }
}
