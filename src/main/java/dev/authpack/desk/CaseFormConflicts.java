package dev.authpack.desk;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseJson;
import dev.authpack.casefile.StoredCase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the case form says when its save was refused because someone else saved the case first: who
 * and when, and each field where the clerk's form and the stored version differ, by its label with
 * both values, so the clerk can choose between them knowing what either choice overwrites.
 */
@Component
class CaseFormConflicts {

    /** Long enough to recognise a value, short enough that a pasted paragraph does not bury the list. */
    static final int SHOWN = 60;

    private static final Pattern ROW = Pattern.compile("(assessments|medicationTrials|psychotherapy|request\\.lines)\\[(\\d+)\\].*");

    /** The refusal as the page shows it; {@code savedByYou}: the same user, in another tab or window. */
    record Conflict(String savedBy, boolean savedByYou, Instant savedAt, List<Line> differences) {
    }

    /** One differing field: its label ("Trial 2: drug"), the stored value and the clerk's, shortened. */
    record Line(String anchor, String label, String saved, String yours) {
    }

    private final CaseJson json;
    private final MessageSource messages;

    CaseFormConflicts(CaseJson json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    Conflict describe(CaseData yours, StoredCase latest, String user) {
        List<Line> lines = CaseFormDifferences.between(flat(yours), flat(latest.data())).stream()
                .map(d -> new Line(CaseForm.idOf(d.path()), label(d.path()), shown(d.path(), d.saved()),
                        shown(d.path(), d.yours())))
                .toList();
        return new Conflict(latest.updatedBy(), latest.updatedBy() != null && latest.updatedBy().equals(user),
                latest.updatedAt(), lines);
    }

    /** Both sides as the form shows a saved case, so a difference is one the clerk could see. */
    private Map<String, String> flat(CaseData data) {
        return CaseFormTree.fromTree(json.tree(data), null).values();
    }

    private String label(String path) {
        String key = CaseForm.labelKeyOf(path);
        // a few labels lean on their section heading ("Phone" under Prescriber); the list has no headings
        String label = msg("conflict." + key, null);
        if (label.isEmpty()) {
            label = msg(key, null);
        }
        if (label.isEmpty()) {
            label = path;
        }
        Matcher row = ROW.matcher(path);
        if (row.matches()) {
            String where = msg("form.row.title." + row.group(1), new Object[] {Integer.parseInt(row.group(2)) + 1});
            return where + ": " + lower(label);
        }
        return label;
    }

    private String shown(String path, String value) {
        if (value.isEmpty()) {
            return msg("form.conflict.empty", null);
        }
        if (value.equals("true") || value.equals("false")) {
            return msg(value.equals("true") ? "form.yes" : "form.no", null);
        }
        // a choice as the form's list words it ("PHQ-9 (0-27)"), not its code ("PHQ9")
        String choice = CaseFieldTypes.enumAt(path).map(e -> msg("enum." + e.getSimpleName() + "." + value, null))
                .orElse("");
        if (!choice.isEmpty()) {
            return choice;
        }
        if (value.codePointCount(0, value.length()) <= SHOWN) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, SHOWN - 1)).strip() + "…";
    }

    private String msg(String key, Object[] args) {
        return messages.getMessage(key, args, "", Locale.ENGLISH);
    }

    private static String lower(String s) {
        // "Drug" -> "drug", but "NPI" and "ICD-10-CM code" keep their capitals
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
