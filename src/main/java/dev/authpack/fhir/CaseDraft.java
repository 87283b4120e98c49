package dev.authpack.fhir;

import dev.authpack.core.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case being built from a bundle, in the contract's JSON form, remembering which resource gave
 * each value. The same binder and validator as the case API then judge it; a value they refuse is
 * taken out again and listed as ignored with the reason, so an EHR's odd value never blocks the rest.
 */
final class CaseDraft {

    private static final Pattern ELEMENT = Pattern.compile("^([A-Za-z]+(?:\\.[A-Za-z]+)*)\\[(\\d+)]");
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> elementSources = new LinkedHashMap<>();
    /** Each ignored line as the API says it, and as the case form shows it (its case field linked). */
    private final Map<String, SummaryLine> ignored = new LinkedHashMap<>();
    /** Resources that gave a value equal to one already taken: used, though nothing of theirs is listed as mapped. */
    private final Set<String> agreeing = new HashSet<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    ObjectNode tree() {
        return root;
    }

    boolean has(String path) {
        return sources.containsKey(path);
    }

    /**
     * Sets a member unless an earlier resource already gave it (the first wins; a later different value is
     * listed). A later equal value is no loss: Authpack's own export writes the member id on the Patient and the
     * Coverage and the start date on the ServiceRequest and each Claim item, and a re-import listed each as ignored.
     */
    void set(String path, Object value, String source) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        if (sources.containsKey(path)) {
            if (sameValue(at(path), value)) {
                agreeing.add(source);
            } else if (!sources.get(path).equals(source)) {
                ignore(new SummaryLine.Builder().text(source + ": ").field(path, true)
                        .text(" already taken from " + sources.get(path)).build());
            }
            return;
        }
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        put(parent, parts[parts.length - 1], value);
        sources.put(path, source);
    }

    private static boolean sameValue(JsonNode taken, Object value) {
        ObjectNode probe = JsonNodeFactory.instance.objectNode();
        put(probe, "v", value);
        JsonNode given = probe.get("v");
        if (taken == null || given == null) {
            return false;
        }
        return taken.isNumber() && given.isNumber() ? taken.decimalValue().compareTo(given.decimalValue()) == 0
                : taken.equals(given);
    }

    /** Appends an element to a list member (e.g. {@code request.lines}); its fields are set on the returned node. */
    ObjectNode add(String listPath, String source) {
        return list(listPath, source).addObject();
    }

    /** Appends a value to a list of codes (e.g. {@code screening.concurrentTherapies}), keeping the bundle's order. */
    void addValue(String listPath, String value, String source) {
        list(listPath, source).add(value);
    }

    private ArrayNode list(String listPath, String source) {
        String[] parts = listPath.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        String name = parts[parts.length - 1];
        ArrayNode list = parent.has(name) ? (ArrayNode) parent.get(name) : parent.putArray(name);
        elementSources.computeIfAbsent(listPath, k -> new ArrayList<>()).add(source);
        return list;
    }

    static void put(ObjectNode node, String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        if (value instanceof Integer i) {
            node.put(name, i);
        } else if (value instanceof BigDecimal d) {
            node.put(name, d);
        } else if (value instanceof Boolean b) {
            node.put(name, b);
        } else if (value instanceof Enum<?> e) {
            node.put(name, e.name());
        } else {
            node.put(name, value.toString());
        }
    }

    /** How a value was read, when it is not the bundle's wording: shown after the members on the source's mapped line. */
    void note(String source, String text) {
        notes.computeIfAbsent(source, k -> new ArrayList<>()).add(text);
    }

    /** Lists what was not used, once: a Claim of 10,000 items of one unknown code gave 10,000 equal lines (1.1 MB). */
    void ignore(String source, String reason) {
        ignore(SummaryLine.text(source + ": " + reason));
    }

    private void ignore(SummaryLine line) {
        ignored.putIfAbsent(line.plain(), line);
    }

    /**
     * Takes out what a validation problem names: a whole list element when the problem is inside one
     * (a score or a trial with one bad value is not evidence), else the member. Answers false when the
     * path names nothing this draft holds.
     */
    boolean withdraw(FieldProblem problem) {
        String field = problem.field();
        Matcher m = ELEMENT.matcher(field);
        if (m.find()) {
            String listPath = m.group(1);
            int index = Integer.parseInt(m.group(2));
            JsonNode list = at(listPath);
            List<String> owners = elementSources.get(listPath);
            if (list instanceof ArrayNode array && owners != null && index < array.size()) {
                array.remove(index);
                String owner = owners.remove(index);
                // the element is gone from the form: its list is linked, the member only named
                ignore(new SummaryLine.Builder().text(owner + ": ").field(listPath, true).text(" element left out: ")
                        .field(field, false).text(" " + problem.message()).build());
                return true;
            }
            return false;
        }
        String source = sources.remove(field);
        int dot = field.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : at(field.substring(0, dot));
        if (source == null || !(parent instanceof ObjectNode obj)) {
            return false;
        }
        obj.remove(field.substring(dot + 1));
        ignore(new SummaryLine.Builder().text(source + ": ").field(field, true)
                .text(" left out: " + problem.message()).build());
        return true;
    }

    private JsonNode at(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /**
     * "Patient/1 → patient.firstName, patient.lastName", one line per resource that gave something; each
     * path a part of its own, for the case form to name by its label and link.
     */
    List<SummaryLine> mappedLines() {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        sources.forEach((path, source) -> bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(path));
        elementSources.forEach((list, owners) -> {
            for (int i = 0; i < owners.size(); i++) {
                bySource.computeIfAbsent(owners.get(i), k -> new ArrayList<>()).add(list + "[" + i + "]");
            }
        });
        List<SummaryLine> lines = new ArrayList<>();
        bySource.forEach((source, paths) -> {
            SummaryLine.Builder line = new SummaryLine.Builder().text(source + " → ");
            for (int i = 0; i < paths.size(); i++) {
                line.text(i == 0 ? "" : ", ").field(paths.get(i), true);
            }
            line.text(notes.getOrDefault(source, List.of()).stream().map(n -> "; " + n).reduce("", String::concat));
            lines.add(line.build());
        });
        return lines;
    }

    List<SummaryLine> ignoredLines() {
        return List.copyOf(ignored.values());
    }

    boolean mentions(String source) {
        return sources.containsValue(source) || agreeing.contains(source)
                || elementSources.values().stream().anyMatch(owners -> owners.contains(source))
                || ignored.keySet().stream().anyMatch(line -> line.startsWith(source + ":"));
    }
}
