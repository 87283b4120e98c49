package dev.authpack.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.XhtmlType;

/**
 * Takes out the values HAPI's lenient parser kept but could not read. For a code outside its element's
 * value set ("robot" for a gender, 5 or true for a status), an integer or date that does not parse, the
 * parser keeps the text in an element without a value: {@code hasGender()} answers true while
 * {@code getGender()} is null, and a mapper that trusts the first dereferences the second. Run before
 * the mappers, this clears every such element in every resource (the elements the mappers read and the
 * ones they do not: Claim.use, Observation.status, identifier use...), so that "has" and "get" agree,
 * and names each by resource and element path, never by its value (values may be PHI).
 */
final class UnreadValues {

    private UnreadValues() {
    }

    /** One element taken out: the resource as the ignored list names it, and why. */
    record Unread(String source, String reason) {
    }

    static List<Unread> takeOut(BundleIndex index) {
        List<Unread> out = new ArrayList<>();
        for (Resource r : index.all()) {
            walk(r, "", index.label(r), out);
        }
        return out;
    }

    private static void walk(Base element, String path, String source, List<Unread> out) {
        for (Property child : element.children()) {
            List<Base> values = child.getValues();
            for (int i = 0; i < values.size(); i++) {
                Base value = values.get(i);
                if (value == null) {
                    continue;
                }
                String at = path + name(child, value) + (child.getMaxCardinality() > 1 ? "[" + i + "]" : "");
                if (value instanceof PrimitiveType<?> primitive && unread(primitive)) {
                    primitive.setValueAsString(null);
                    out.add(new Unread(source, at + " is not a valid " + primitive.fhirType() + "; left out"));
                }
                walk(value, at + ".", source, out);
            }
        }
    }

    /**
     * Text the parser kept without a value it could make of it. A narrative's {@code div} is never read, and
     * HAPI's XHTML value throws an {@link Error} (not an exception) for a {@code "div": null}: it is left alone.
     */
    private static boolean unread(PrimitiveType<?> primitive) {
        if (primitive instanceof XhtmlType) {
            return false;
        }
        String text = primitive.getValueAsString();
        return primitive.getValue() == null && text != null && !text.isBlank();
    }

    /** "valueBoolean" for a choice element "value[x]", as the bundle spells it. */
    private static String name(Property child, Base value) {
        String name = child.getName();
        if (name.endsWith("[x]")) {
            String type = value.fhirType();
            return name.substring(0, name.length() - 3) + Character.toUpperCase(type.charAt(0)) + type.substring(1);
        }
        return name;
    }
}
