package dev.authpack.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where in the enclosed packet the evidence for a criterion lies: rules as data from criterion id
 * to the packet sections (by their bundle key) that show it; every criterion is also on the
 * checklist. Page numbers are those of the appeal packet, printed on every page.
 */
final class EvidencePages {

    static final String CHECKLIST = "packet.section.checklist";
    private static final Map<String, List<String>> SECTIONS = Map.ofEntries(
            Map.entry("TREATMENT", List.of("packet.section.request")),
            Map.entry("AGE", List.of("packet.section.request")),
            Map.entry("DIAGNOSIS", List.of("packet.section.request")),
            // the request page has an "Indication" row and the letter states it (with the suicidality for MDSI)
            Map.entry("INDICATION", List.of("packet.section.request", "packet.section.letter")),
            // the letter is the only section besides the checklist that names the antidepressant given alongside
            Map.entry("CONCURRENT_ANTIDEPRESSANT", List.of("packet.section.letter")),
            Map.entry("SEVERITY", List.of("packet.section.severity")),
            Map.entry("FAILED_TRIALS", List.of("packet.section.history", "packet.section.letter")),
            // the letter lists each augmentation trial as it lists the monotherapy trials
            Map.entry("AUGMENTATION", List.of("packet.section.history", "packet.section.letter")),
            Map.entry("PSYCHOTHERAPY", List.of("packet.section.history")),
            Map.entry("PRESCRIBER", List.of("packet.section.request")),
            Map.entry("REMS", List.of("packet.section.request")),
            Map.entry("REAUTH_RESPONSE", List.of("packet.section.severity", "packet.section.letter")));

    private EvidencePages() {
    }

    /** A section of the enclosed packet: its bookmark title and its first and last page (1-based, appeal numbering). */
    record Section(String title, int first, int last) {
    }

    /** The section keys a criterion's evidence is in, the checklist first. */
    static List<String> sectionKeys(String criterionId) {
        List<String> keys = new ArrayList<>();
        keys.add(CHECKLIST);
        keys.addAll(SECTIONS.getOrDefault(criterionId, List.of()));
        return keys;
    }

    /** The pages, written "3, 5–6", of the sections whose titles are given; null when none is found. */
    static String pages(List<String> titles, List<Section> sections) {
        TreeSet<Integer> pages = new TreeSet<>();
        for (Section s : sections) {
            if (titles.contains(s.title())) {
                for (int p = s.first(); p <= s.last(); p++) {
                    pages.add(p);
                }
            }
        }
        return pages.isEmpty() ? null : ranges(List.copyOf(pages));
    }

    /** Sorted page numbers as ranges: [3, 5, 6, 7] → "3, 5–7". */
    static String ranges(List<Integer> pages) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pages.size()) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) {
                j++;
            }
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(pages.get(i));
            if (j > i) {
                out.append('\u2013').append(pages.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
