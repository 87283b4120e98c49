package dev.authpack.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the form's flat "path = text" pairs and the JSON tree the API reads, so the
 * form and the API share one binder and one set of rules. Blank inputs are left out of the tree:
 * to the binder an absent value and an empty one are the same, and a section left wholly empty
 * stays absent instead of becoming an object of nulls.
 */
final class CaseFormTree {

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)\\]");

    private CaseFormTree() {
    }

    static ObjectNode toTree(CaseForm form) {
        return toTree(form.values());
    }

    static ObjectNode toTree(Map<String, String> values) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        values.forEach((path, value) -> {
            if (!value.isBlank()) {
                put(root, path, value);
            }
        });
        return root;
    }

    /** The form for a saved case: every scalar as the text an input shows, rows counted per list. */
    static CaseForm fromTree(JsonNode tree, Long version) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(tree, "", values);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String list : CaseForm.LISTS) {
            JsonNode node = tree.at("/" + list.replace('.', '/'));
            counts.put(list, node.isArray() ? node.size() : 0);
        }
        return new CaseForm(values, counts, version);
    }

    private static void put(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = child(node, parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    private static ObjectNode child(ObjectNode parent, String part) {
        Matcher indexed = INDEXED.matcher(part);
        if (indexed.matches()) {
            JsonNode existing = parent.get(indexed.group(1));
            ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(indexed.group(1));
            int index = Integer.parseInt(indexed.group(2));
            while (array.size() <= index) {
                array.addObject();
            }
            return (ObjectNode) array.get(index);
        }
        JsonNode existing = parent.get(part);
        return existing instanceof ObjectNode o ? o : parent.putObject(part);
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                flatten(node.get(name), path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (node.isArray() && !node.isEmpty() && !node.get(0).isObject()) {
            // a list of choices (screening.concurrentTherapies) is one comma-separated input value
            java.util.List<String> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            out.put(path, String.join(",", items));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asString());
        }
    }
}
