package dev.authpack.security;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The acceptance suite's case mutator (shared/conformance/run.py, section h) in Java: one to three
 * edits of a valid case (drops and nulls most often; wrong types, huge numbers, junk and Unicode
 * strings, deep nesting, unknown members, blown-up arrays), then sometimes a truncated or
 * corrupted text. Deterministic for a given {@link Random}.
 */
final class CaseMutator {

    record Mutation(byte[] body, String description) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern NEST = Pattern.compile("\"@@NEST:(\\d+):(list|dict)@@\"");
    private static final int[] WEIGHTS = {25, 20, 8, 8, 8, 5, 6, 8, 4, 8};

    static final List<String> JUNK_STRINGS = List.of("", " ", "Zoë Ñúñez", "李小龙", "\u202eRTL\u202c",
            "😀".repeat(60), "a\u0000b", "\ud800", "\\", "\"'<>&", "null", "NaN", "-0", "1e309", "2026-02-29",
            "0000-01-01", "9999-12-31", "2026-1-1", "2026-11-15T10:00:00Z", "esketamine", "Psychiatry", "F33.2 ",
            "f33", "' OR 1=1 --", "${jndi:ldap://x}", "%00", "\t\n", "A".repeat(201), "B".repeat(5000),
            "<script>alert(1)</script>");

    static final List<JsonNode> JUNK_NUMBERS = List.of(F.numberNode(0), F.numberNode(-1), F.numberNode(-0.0),
            F.numberNode(1.5), F.numberNode(0.001), F.numberNode(1e308), F.numberNode(-1e308),
            F.numberNode(BigInteger.TEN.pow(30)), F.numberNode(BigInteger.TWO.pow(63)),
            F.numberNode(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)), F.numberNode(new BigDecimal("1e-320")),
            F.numberNode(61), F.numberNode(999999999), F.numberNode(3.14159265358979), F.numberNode(new BigDecimal("100.001")));

    private CaseMutator() {
    }

    static Mutation mutate(Random rng, ObjectNode body) {
        List<String> desc = new ArrayList<>();
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<Slot> slots = new ArrayList<>();
            collect(body, "", slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot s = slots.get(rng.nextInt(slots.size()));
            int op = weighted(rng);
            if (op == 0) {
                s.remove();
                desc.add("drop " + s.path);
                continue;
            }
            JsonNode val;
            if (op == 1) {
                val = F.nullNode();
            } else if (op == 2) {
                List<JsonNode> odd = List.of(F.stringNode(""), F.stringNode("x"), F.numberNode(0), F.numberNode(-1),
                        F.numberNode(1.5), F.booleanNode(true), F.booleanNode(false), F.arrayNode(), F.objectNode(),
                        F.arrayNode().add(1).add(2), F.objectNode().put("a", 1), F.arrayNode().addNull());
                val = odd.get(rng.nextInt(odd.size()));
            } else if (op == 3) {
                val = JUNK_NUMBERS.get(rng.nextInt(JUNK_NUMBERS.size()));
            } else if (op == 4) {
                val = F.stringNode(pick(rng, JUNK_STRINGS));
            } else if (op == 5) {
                int[] depths = {5, 50, 300, 1200};
                val = F.stringNode("@@NEST:" + depths[rng.nextInt(4)] + ":" + (rng.nextBoolean() ? "list" : "dict") + "@@");
            } else if (op == 6) {
                val = F.stringNode(pick(rng, JUNK_STRINGS).repeat(rng.nextBoolean() ? 1 : 3));
            } else if (op == 7 && s.parent instanceof ObjectNode parent) {
                List<JsonNode> extras = new ArrayList<>(JUNK_STRINGS.stream().map(x -> (JsonNode) F.stringNode(x)).toList());
                extras.add(F.nullNode());
                extras.add(F.objectNode().set("x", F.arrayNode().add(1)));
                parent.set("unexpected_" + rng.nextInt(1000), extras.get(rng.nextInt(extras.size())));
                desc.add("extra field beside " + s.path);
                continue;
            } else if (op == 8 && s.value() instanceof ArrayNode list) {
                int[] times = {2, 40, 200};
                int t = times[rng.nextInt(3)];
                ArrayNode grown = F.arrayNode();
                if (list.isEmpty()) {
                    grown.addNull();
                } else {
                    for (int i = 0; i < t && grown.size() < 2000; i++) {
                        for (JsonNode x : list) {
                            if (grown.size() < 2000) {
                                grown.add(x.deepCopy());
                            }
                        }
                    }
                }
                val = grown;
            } else {
                List<JsonNode> truthy = List.of(F.booleanNode(true), F.stringNode("true"), F.numberNode(1),
                        F.stringNode("1"), F.stringNode("TRUE"));
                val = truthy.get(rng.nextInt(truthy.size()));
            }
            s.set(val);
            String shown = val.toString();
            desc.add("set " + s.path + " = " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
        }
        String text = JsonText.write(body, rng.nextDouble() < 0.5);
        text = nest(text);
        double r = rng.nextDouble();
        if (r < 0.06) {
            int cut = 1 + rng.nextInt(Math.max(1, text.length() - 1));
            text = text.substring(0, cut);
            desc.add("truncated at " + cut);
        } else if (r < 0.10) {
            int i = rng.nextInt(text.length());
            text = text.substring(0, i) + pick(rng, List.of("{", "]", ",", "\"", "\\", "NaN", "Infinity", "\u0000", "}}"))
                    + text.substring(i);
            desc.add("junk at " + i);
        }
        return new Mutation(utf8SurrogatePass(text), desc.isEmpty() ? "unchanged" : String.join("; ", desc));
    }

    private static int weighted(Random rng) {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int x = rng.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return i;
            }
        }
        return 0;
    }

    private static <T> T pick(Random rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private static String nest(String text) {
        Matcher m = NEST.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int depth = Integer.parseInt(m.group(1));
            String nested = m.group(2).equals("list") ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth);
            m.appendReplacement(out, Matcher.quoteReplacement(nested));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** UTF-8, but a lone surrogate becomes its 3-byte form (invalid UTF-8), as Python's surrogatepass does. */
    static byte[] utf8SurrogatePass(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        }
        return out.toByteArray();
    }

    private static void collect(JsonNode node, String path, List<Slot> out) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(obj.properties())) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(new Slot(obj, e.getKey(), -1, p));
                collect(e.getValue(), p, out);
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                String p = path + "." + i;
                out.add(new Slot(arr, null, i, p));
                collect(arr.get(i), p, out);
            }
        }
    }

    /** A place in the tree: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String key, int index, String path) {

        JsonNode value() {
            return parent instanceof ObjectNode o ? o.get(key) : parent.get(index);
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }
    }
}
