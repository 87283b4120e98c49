package dev.authpack.desk;

import dev.authpack.core.Weeks;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The case form as the user typed it: every value is the raw text under its JSON path
 * ({@code medicationTrials[0].drug}), which is also the input's name. A form that fails validation
 * therefore comes back exactly as sent, and each {@link FormError} finds its input by path.
 */
final class CaseForm {

    /** The repeating sections, by the JSON path of their list, in form order. */
    static final List<String> LISTS = List.of("assessments", "medicationTrials", "psychotherapy", "request.lines");

    private final Map<String, String> values;
    private final Map<String, Integer> rowCounts;
    private Long version;
    private final List<FormError> problems = new ArrayList<>();
    private List<String> order = List.of();
    private List<String> twice = List.of();

    CaseForm(Map<String, String> values, Map<String, Integer> rowCounts, Long version) {
        this.values = new LinkedHashMap<>(values);
        this.rowCounts = new LinkedHashMap<>(rowCounts);
        this.version = version;
    }

    /**
     * A new case: one empty row in each list to type into, and the answers nearly every new case has
     * chosen already (an initial request, not urgent); everything else is left for the clerk.
     */
    static CaseForm blank() {
        return new CaseForm(Map.of("request.phase", "INITIAL", "request.urgent", "false"),
                LISTS.stream().collect(Collectors.toMap(l -> l, l -> 1)), null);
    }

    public String value(String path) {
        return values.getOrDefault(path, "");
    }

    void put(String path, String value) {
        values.put(path, value);
    }

    Map<String, String> values() {
        return values;
    }

    public Long version() {
        return version;
    }

    /**
     * After a save refused because someone else saved first: the form, still holding what the clerk
     * typed, now answers the version stored since, so pressing Save again is a deliberate choice to
     * keep the clerk's values rather than the same refusal over and over.
     */
    void answer(long latestVersion) {
        version = latestVersion;
    }

    /** Row indexes of a list, 0..n-1. */
    public List<Integer> rows(String list) {
        return IntStream.range(0, nextIndex(list)).boxed().toList();
    }

    /** The index a new row gets; scripts add rows from here on. */
    public int nextIndex(String list) {
        return rowCounts.getOrDefault(list, 0);
    }

    /** The input names in the order the page posted them, which is the order it shows them. */
    void postedInOrder(List<String> paths) {
        order = List.copyOf(paths);
    }

    /**
     * Where a problem's field stands in the form: its own input, else the first input inside it (a
     * row, a list), else where its row or section stands; a rule about the whole case comes last.
     */
    int position(String field) {
        String at = field;
        while (!at.isEmpty()) {
            for (int i = 0; i < order.size(); i++) {
                String name = order.get(i);
                if (name.equals(at) || name.startsWith(at + ".") || name.startsWith(at + "[")) {
                    return i;
                }
            }
            String outer = at.replaceAll("(\\[\\d+\\]|\\.?\\w+)$", "");
            at = outer.length() < at.length() ? outer : "";
        }
        return Integer.MAX_VALUE;
    }

    /** The case fields that arrived with two different values ({@link CaseFormReader}): refused, not guessed at. */
    void sentTwice(List<String> paths) {
        twice = List.copyOf(paths);
    }

    List<String> sentTwice() {
        return twice;
    }

    /** The problems in the clerk's words, in form order ({@link CaseFormErrors}). */
    void reject(List<FormError> found) {
        problems.addAll(found);
    }

    public List<FormError> problems() {
        return problems;
    }

    public boolean hasErrors() {
        return !problems.isEmpty();
    }

    public boolean hasError(String path) {
        return problems.stream().anyMatch(p -> p.field().equals(path) || p.field().startsWith(path + "["));
    }

    public String error(String path) {
        return problems.stream().filter(p -> p.field().equals(path) || p.field().startsWith(path + "["))
                .map(FormError::inline).collect(Collectors.joining("; "));
    }

    /** Whole weeks ({@link Weeks}, as the checklist and packet count them) between a trial's typed dates. */
    public Long weeks(String trialPath) {
        return Weeks.between(date(value(trialPath + ".startDate")), date(value(trialPath + ".endDate")));
    }

    public boolean openTrial(String trialPath) {
        return date(value(trialPath + ".startDate")) != null && value(trialPath + ".endDate").isBlank();
    }

    /** The HTML id of the input (or row, or section) a JSON path names: {@code medicationTrials-0-drug}. */
    static String idOf(String path) {
        return path.isEmpty() ? "case-form" : path.replaceAll("\\[(\\w+)\\]", "-$1").replace('.', '-');
    }

    /** The message key of the label of a path, whatever its row: {@code field.medicationTrials.drug}. */
    static String labelKeyOf(String path) {
        return path.isEmpty() ? "field.unknown" : "field." + path.replaceAll("\\[\\w*\\]", "");
    }

    /** The message key of a field's hint, whatever its row: {@code hint.coverage.coinsurancePct}. */
    public String hintKey(String path) {
        return "hint." + path.replaceAll("\\[\\w*\\]", "");
    }

    public String id(String path) {
        return idOf(path);
    }

    public String labelKey(String path) {
        return labelKeyOf(path);
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
