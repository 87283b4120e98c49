package dev.authpack.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each bound list element stood in the JSON. The binder leaves out an element it refused (a {@code null},
 * a text where an object belongs), so Bean Validation's paths count the elements that were kept: after
 * {@code [null, {"description": "x"}]} the second line's missing code was named {@code request.lines[0].code},
 * the null's place. The contract names fields by their JSON path, so a bound path is translated back.
 */
final class ListPositions {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** JSON path of a list → the JSON index of each kept element; only lists that lost an element are held. */
    private final Map<String, List<Integer>> kept = new HashMap<>();

    void record(String listPath, List<Integer> jsonIndexes, int jsonSize) {
        if (jsonIndexes.size() != jsonSize) {
            kept.put(listPath, List.copyOf(jsonIndexes));
        }
    }

    /** {@code request.lines[0].code} as the client wrote it, e.g. {@code request.lines[1].code}. */
    String jsonPath(String boundPath) {
        if (kept.isEmpty()) {
            return boundPath;
        }
        Matcher m = INDEX.matcher(boundPath);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(boundPath, last, m.start());
            // the prefix written so far is already in JSON positions, as the binder recorded the list's path
            List<Integer> indexes = kept.get(out.toString());
            int bound = Integer.parseInt(m.group(1));
            out.append('[').append(indexes != null && bound < indexes.size() ? indexes.get(bound) : bound).append(']');
            last = m.end();
        }
        return out.append(boundPath, last, boundPath.length()).toString();
    }
}
