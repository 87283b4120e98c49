package dev.authpack.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits a case's JSON tree by path ("medicationTrials[0].endDate"), so a table row can say in one
 * cell which member of a sample it changes. A value is JSON when it parses as JSON ({@code 42},
 * {@code true}, {@code []}, {@code "61"}), else a string; {@code null} removes the member.
 */
public final class JsonEdits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonEdits() {
    }

    public static void set(ObjectNode root, String path, String raw) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        if (raw.equals("null")) {
            // removing below an absent parent leaves nothing to remove
            if (navigate(root, path, false) instanceof ObjectNode parent) {
                parent.remove(key);
            }
            return;
        }
        ObjectNode parent = (ObjectNode) navigate(root, path, true);
        JsonNode value;
        try {
            value = JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            value = JSON.getNodeFactory().textNode(raw);
        }
        if (value == null || value.isMissingNode()) {
            value = JSON.getNodeFactory().textNode(raw);
        }
        parent.set(key, value);
    }

    /** The object holding the path's last member, creating objects on the way when asked. */
    private static JsonNode navigate(ObjectNode root, String path, boolean create) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (node == null) {
                return null;
            }
            JsonNode next = node.get(name);
            if ((next == null || next.isNull()) && create) {
                next = ((ObjectNode) node).putObject(name);
            }
            if (bracket >= 0 && next != null) {
                next = next.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
            node = next;
        }
        return node;
    }
}
