package dev.authpack.desk;

import dev.authpack.core.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words the case's input problems for the clerk. The case rules speak the API's language ("must not
 * be null" at {@code medicationTrials[1].drug}); here each is matched to a sentence of the message
 * bundle ({@code problem.*}), said of the field's label and prefixed by its row ("Trial 2: enter the
 * drug"), and the list is put in the order the form shows the fields.
 */
@Component
class CaseFormErrors {

    /** What the case rules say, in order, to the key of the sentence that says it to a clerk. */
    private static final Map<Pattern, String> SAYINGS = sayings(
            "must not be null", "problem.required",
            "must be on or after the start date", "problem.endBeforeStart",
            "must be a date in the past or in the present", "problem.future",
            "must be a date written .*", "problem.date",
            "is not a day of the calendar.*", "problem.noSuchDay",
            "must be a date between .*", "problem.dateRange",
            "must be between 0 and (\\d+) for \\w+", "problem.scoreRange",
            "must be less than or equal to (\\S+)", "problem.max",
            "must be at most (\\S+)", "problem.max",
            "must be greater than or equal to (\\S+)", "problem.min",
            "must be (0) or more", "problem.min",
            "size must be between 0 and (\\d+)", "problem.tooLong",
            "must be 10 digits", "problem.npiDigits",
            "is not a valid NPI.*", "problem.npiCheck",
            "must be 9 digits.*", "problem.tin",
            "must look like an ICD-10-CM code.*", "problem.icd10",
            "must be a number", "problem.number",
            "must be a whole number", "problem.wholeNumber",
            "is far too large", "problem.tooLarge",
            "must have at most 2 decimals", "problem.cents",
            "is not a loaded policy.*", "problem.policy",
            "must be one of: .*", "problem.choice",
            "must be true or false", "problem.choice",
            "contains a control or invalid character", "problem.characters",
            "has \\d+ \\w+; a case may have at most (\\d+).*", "problem.tooMany",
            "must be on or after (\\d{4}-\\d\\d-\\d\\d)", "problem.notBefore");
    private static final Pattern ROW = Pattern.compile("(assessments|medicationTrials|psychotherapy|request\\.lines)\\[(\\d+)\\].*");

    private final MessageSource messages;

    CaseFormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The case rules' problems and the form's own refusals (field → sentence key), worded, in form order. */
    List<FormError> word(CaseForm form, List<FieldProblem> problems, Map<String, String> refused) {
        List<FormError> out = new ArrayList<>();
        refused.forEach((field, key) -> out.add(error(field, key, new Object[0])));
        for (FieldProblem p : problems) {
            if (!refused.containsKey(p.field())) {
                out.add(word(p));
            }
        }
        out.sort(Comparator.comparingInt(e -> form.position(e.field())));
        return out;
    }

    FormError word(FieldProblem p) {
        for (Map.Entry<Pattern, String> saying : SAYINGS.entrySet()) {
            Matcher m = saying.getKey().matcher(p.message());
            if (m.matches()) {
                Object[] args = m.groupCount() == 0 ? new Object[0] : new Object[] {m.group(1)};
                return error(p.field(), saying.getValue(), args);
            }
        }
        return error(p.field(), "problem.other", new Object[0]);
    }

    private FormError error(String field, String key, Object[] args) {
        Matcher row = ROW.matcher(field);
        String label = msg(CaseForm.labelKeyOf(field), null);
        String noun = label.isEmpty() ? msg("field.unknown", null) : label;
        Object[] all = new Object[args.length + 1];
        all[0] = row.matches() ? lower(noun) : noun;
        System.arraycopy(args, 0, all, 1, args.length);
        // a field may have its own way of saying it ("enter the date the score was taken")
        String own = messages.getMessage(key + "." + CaseForm.labelKeyOf(field).substring("field.".length()),
                all, null, Locale.ENGLISH);
        String sentence = own != null ? own : msg(key, all);
        String anchor = CaseForm.idOf(field.replaceAll("\\[\\d+\\]$", ""));
        if (row.matches()) {
            String where = msg("form.row.title." + row.group(1), new Object[] {Integer.parseInt(row.group(2)) + 1});
            return new FormError(field, anchor, where + ": " + sentence, upper(sentence));
        }
        return new FormError(field, anchor, upper(sentence), upper(sentence));
    }

    private String msg(String key, Object[] args) {
        return messages.getMessage(key, args, "", Locale.ENGLISH);
    }

    private static String lower(String s) {
        // "End date" -> "end date", but "NPI" and "ICD-10-CM code" keep their capitals
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String upper(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Map<Pattern, String> sayings(String... pairs) {
        Map<Pattern, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(Pattern.compile(pairs[i]), pairs[i + 1]);
        }
        return out;
    }
}
