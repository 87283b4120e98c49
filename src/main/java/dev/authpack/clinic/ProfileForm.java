package dev.authpack.clinic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The profile page's form as typed: raw text under each input's name ({@code facilityNpi},
 * {@code prescribers[1].npi}), so a refused form comes back exactly as sent. Kept apart from the
 * stored {@link ClinicProfileRecord}; {@link ProfileCheck} turns it into a {@link CheckedProfile}.
 */
final class ProfileForm {

    static final List<String> FIELDS = List.of("facilityName", "facilityNpi", "facilityTin", "facilityAddress",
            "remsSettingId", "feeCode", "feeUnits");
    static final List<String> PRESCRIBER_FIELDS = List.of("name", "npi", "specialty", "phone", "fax");
    private static final Pattern ROW = Pattern.compile("prescribers\\[(\\d{1,3})\\]\\.(\\w{1,20})");

    private final Map<String, String> values;
    private final int rows;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * A refused input's problem: {@code message} beside the input, {@code line} in the list above the form,
     * which has no label beside it to say which input it is about.
     */
    record Problem(String field, String message, String line) {
    }

    private ProfileForm(Map<String, String> values, int rows) {
        this.values = values;
        this.rows = rows;
    }

    /** Posted parameters; prescriber rows left wholly blank are dropped and the rest renumbered 0..n-1. */
    static ProfileForm read(Map<String, String[]> params) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, first(params.get(f))));
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        params.forEach((name, given) -> {
            Matcher m = ROW.matcher(name);
            if (m.matches() && PRESCRIBER_FIELDS.contains(m.group(2))) {
                byIndex.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new LinkedHashMap<>())
                        .put(m.group(2), first(given));
            }
        });
        int n = 0;
        for (Map<String, String> row : byIndex.values()) {
            if (row.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            int index = n++;
            row.forEach((field, value) -> values.put(path(index, field), value));
        }
        return new ProfileForm(values, n);
    }

    /** The form for a stored profile. */
    static ProfileForm of(CheckedProfile p) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "facilityName", p.facilityName());
        put(values, "facilityNpi", p.facilityNpi());
        put(values, "facilityTin", p.facilityTin());
        put(values, "facilityAddress", p.facilityAddress());
        put(values, "remsSettingId", p.remsSettingId());
        put(values, "feeCode", p.feeCode());
        put(values, "feeUnits", p.feeUnits() == null ? null : p.feeUnits().toString());
        for (int i = 0; i < p.prescribers().size(); i++) {
            PrescriberEntry e = p.prescribers().get(i);
            put(values, path(i, "name"), e.name());
            put(values, path(i, "npi"), e.npi());
            put(values, path(i, "specialty"), e.specialty() == null ? null : e.specialty().name());
            put(values, path(i, "phone"), e.phone());
            put(values, path(i, "fax"), e.fax());
        }
        return new ProfileForm(values, p.prescribers().size());
    }

    static String path(int row, String field) {
        return "prescribers[" + row + "]." + field;
    }

    public String value(String path) {
        return values.getOrDefault(path, "");
    }

    /** The filled rows and one blank row to add a prescriber in, without any script. */
    public List<Integer> rows() {
        return IntStream.rangeClosed(0, rows).boxed().toList();
    }

    int filledRows() {
        return rows;
    }

    void reject(List<Problem> found) {
        problems.addAll(found);
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean hasError(String path) {
        return problems.stream().anyMatch(p -> p.field().equals(path));
    }

    public String error(String path) {
        return problems.stream().filter(p -> p.field().equals(path)).map(Problem::message)
                .collect(Collectors.joining("; "));
    }

    /** The message key of an input's label, whatever its row: {@code clinic.prescribers.npi}. */
    public String labelKey(String path) {
        return "clinic." + path.replaceAll("\\[\\d+\\]", "");
    }

    /** The HTML id of an input: {@code prescribers-1-npi}. */
    public String id(String path) {
        return path.replaceAll("\\[(\\d+)\\]", "-$1").replace('.', '-');
    }

    private static void put(Map<String, String> values, String path, String value) {
        if (value != null) {
            values.put(path, value);
        }
    }

    private static String first(String[] given) {
        return given == null || given.length == 0 || given[0] == null ? "" : given[0];
    }
}
