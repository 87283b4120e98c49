package dev.authpack.desk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads posted form parameters into a {@link CaseForm}. Rows arrive with whatever indexes the page
 * (or its script) gave them; they are renumbered 0..n-1 in order, so the paths of validation
 * problems match the redisplayed inputs. Parameters that are not case paths are ignored.
 */
final class CaseFormReader {

    private static final Pattern ROW_FIELD =
            Pattern.compile("(assessments|medicationTrials|psychotherapy|request\\.lines)\\[(\\d{1,4})\\]\\.(\\w{1,40})");
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}(\\.[a-zA-Z][a-zA-Z0-9]{0,39}){0,2}");
    /** The form's one list of checkboxes: its several values are the clerk's choices. Every other field has one input. */
    private static final Set<String> SEVERAL = Set.of("screening.concurrentTherapies");

    private CaseFormReader() {
    }

    static CaseForm read(Map<String, String[]> params, CaseFormAction action) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Map<String, String>>> rows = new LinkedHashMap<>();
        CaseForm.LISTS.forEach(list -> rows.put(list, new TreeMap<>()));
        List<String> posted = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        params.forEach((name, given) -> {
            posted.add(name);
            // a multiple choice (checkboxes of one name) arrives as several values: one comma-separated text.
            // Any other field has one input: two different values were joined the same way and saved as a
            // new value (sessions 1 and 2 as 12, a deductible of 1 and 500 as 1,500), so they are refused.
            // Compared as the binder saves them, stripped: "A1" and " A1 " are one value, as on the event forms
            String value;
            if (SEVERAL.contains(name)) {
                value = String.join(",", given);
            } else {
                value = given.length == 0 ? "" : given[0];
                if (Arrays.stream(given).map(v -> v == null ? "" : v.strip()).distinct().count() > 1) {
                    twice.add(name);
                }
            }
            Matcher row = ROW_FIELD.matcher(name);
            if (row.matches()) {
                rows.get(row.group(1)).computeIfAbsent(Integer.valueOf(row.group(2)), i -> new LinkedHashMap<>())
                        .put(row.group(3), value);
            } else if (FIELD.matcher(name).matches() && !name.equals("version")) {
                values.put(name, value);
            }
        });
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        rows.forEach((list, byIndex) -> counts.put(list, renumber(list, byIndex, action, values, renamed)));
        CaseForm form = new CaseForm(values, counts, version(params));
        form.postedInOrder(posted.stream().map(name -> renamed.getOrDefault(name, name)).toList());
        form.sentTwice(twice.stream().map(name -> renamed.getOrDefault(name, name))
                .filter(path -> form.values().containsKey(path)).toList());
        return form;
    }

    private static int renumber(String list, TreeMap<Integer, Map<String, String>> byIndex, CaseFormAction action,
                                Map<String, String> values, Map<String, String> renamed) {
        int n = 0;
        int position = 0;
        for (Map.Entry<Integer, Map<String, String>> entry : byIndex.entrySet()) {
            Map<String, String> row = entry.getValue();
            boolean removed = action.removes(list, position++);
            boolean blank = row.values().stream().allMatch(String::isBlank);
            if (removed || blank && action.isSave()) {
                continue;
            }
            int index = n++;
            row.forEach((field, value) -> {
                values.put(list + "[" + index + "]." + field, value);
                renamed.put(list + "[" + entry.getKey() + "]." + field, list + "[" + index + "]." + field);
            });
        }
        return action.adds(list) ? n + 1 : n;
    }

    private static Long version(Map<String, String[]> params) {
        String[] v = params.get("version");
        try {
            return v == null || v.length == 0 || v[0].isBlank() ? null : Long.valueOf(v[0].strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
