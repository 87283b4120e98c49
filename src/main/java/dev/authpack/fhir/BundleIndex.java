package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources of one bundle and how its references resolve: by {@code fullUrl}, by
 * {@code Type/id} (the resource's id, or the end of a RESTful fullUrl), by an absolute URL ending in {@code Type/id}, and {@code #id} to a resource
 * contained in the referring one. Building it checks every reference to an entry, so a mapper never
 * meets a dangling one; a {@code #id} naming nothing resolves to nothing, and the mapper says so. Also remembers which resources a mapper used,
 * so the rest can be listed as ignored rather than dropped silently.
 */
final class BundleIndex {

    private final List<Resource> resources = new ArrayList<>();
    private final Map<Resource, Integer> entryOf = new LinkedHashMap<>();
    private final Map<String, Resource> byKey = new LinkedHashMap<>();
    private final Set<Resource> used = new LinkedHashSet<>();
    /** Each {@code #id} reference (by identity: two may read alike in different resources) → its contained resource. */
    private final Map<Reference, Resource> local = new IdentityHashMap<>();
    /** Each contained resource → the entry's resource that contains it. */
    private final Map<Resource, Resource> containerOf = new LinkedHashMap<>();
    /** The resource a mapper took up last: where an import that fails unexpectedly stopped. */
    private Resource current;

    BundleIndex(Bundle bundle, FhirContext context) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        refuseRepeatedFullUrls(entries);
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            Resource r = entry.getResource();
            if (r == null) {
                continue;
            }
            resources.add(r);
            entryOf.put(r, i);
            if (entry.getFullUrl() != null) {
                byKey.putIfAbsent(entry.getFullUrl(), r);
                // FHIR resolves "Patient/123" against a RESTful fullUrl ".../Patient/123" whether or not the
                // resource repeats its id (a bundle being created often leaves ids out)
                String[] parts = entry.getFullUrl().split("/");
                if (parts.length >= 4 && entry.getFullUrl().matches("^https?://.*") && r.fhirType().equals(parts[parts.length - 2])) {
                    byKey.putIfAbsent(parts[parts.length - 2] + "/" + parts[parts.length - 1], r);
                }
            }
            if (r.getIdElement().hasIdPart()) {
                byKey.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        checkReferences(context);
        resources.forEach(r -> indexContained(r, context));
    }

    /**
     * FHIR gives each entry a fullUrl of its own (bdl-7; two versions of one resource may share it, as a history
     * does). A bundle naming two entries alike, two patients say, had its references resolve to the first one
     * silently: the case took one of two people without a word.
     */
    private static void refuseRepeatedFullUrls(List<Bundle.BundleEntryComponent> entries) {
        Map<String, Integer> firstEntry = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            if (entry.getFullUrl() == null) {
                continue;
            }
            // hasMeta first: getMeta() would give the imported resource an empty Meta of its own
            Resource r = entry.getResource();
            String version = r != null && r.hasMeta() && r.getMeta().hasVersionId() ? r.getMeta().getVersionId() : "";
            Integer first = firstEntry.putIfAbsent(entry.getFullUrl() + "\n" + version, i);
            if (first != null) {
                problems.add(new FieldProblem("entry[" + i + "].fullUrl", "the same fullUrl as entry[" + first
                        + "]: each entry of a bundle needs its own, so references to it name one resource"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** Contained resources are not entries: mappers reach them only through the {@code #id} of their container. */
    private void indexContained(Resource container, FhirContext context) {
        if (!(container instanceof DomainResource dr) || dr.getContained().isEmpty()) {
            return;
        }
        Map<String, Resource> byId = new LinkedHashMap<>();
        for (Resource c : dr.getContained()) {
            String id = c.getIdElement().getIdPart();
            if (id != null) {
                byId.putIfAbsent(id.startsWith("#") ? id.substring(1) : id, c);
                containerOf.putIfAbsent(c, container);
            }
        }
        for (Reference ref : context.newTerser().getAllPopulatedChildElementsOfType(container, Reference.class)) {
            String target = ref.getReferenceElement().getValue();
            if (target != null && target.startsWith("#") && byId.containsKey(target.substring(1))) {
                local.put(ref, byId.get(target.substring(1)));
            }
        }
    }

    /** The contained resources of all entries, in bundle order. */
    List<Resource> contained() {
        return List.copyOf(containerOf.keySet());
    }

    List<Resource> all() {
        return resources;
    }

    <T extends Resource> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The resource a reference names (an entry, or a contained resource for {@code #id}); empty for an absent one. */
    Optional<Resource> resolve(Reference reference) {
        // hasReference() is also true for a reference given only as an extension: read the value itself
        if (reference == null || reference.getReference() == null) {
            return Optional.empty();
        }
        if (reference.getReference().startsWith("#")) {
            return Optional.ofNullable(local.get(reference));
        }
        return Optional.ofNullable(lookup(reference.getReference()));
    }

    <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
        return resolve(reference).filter(type::isInstance).map(type::cast);
    }

    void use(Resource r) {
        used.add(r);
        current = r;
    }

    /** The resource the mappers took up last, if any. */
    Optional<Resource> current() {
        return Optional.ofNullable(current);
    }

    /** "entry[3].resource", the resource as a problem's field names it. */
    String field(Resource r) {
        Resource container = containerOf.get(r);
        return container != null ? field(container) + ".contained" : "entry[" + entryOf.get(r) + "].resource";
    }

    boolean isUsed(Resource r) {
        return used.contains(r);
    }

    /** "Patient/123" as the bundle names the resource, for the mapped and ignored lists (no PHI). */
    String label(Resource r) {
        String id = r.getIdElement().getIdPart();
        Resource container = containerOf.get(r);
        if (container != null) {
            // a contained id means something only inside its container: "Practitioner/c1 (contained in Claim/1)"
            return r.fhirType() + "/" + (id.startsWith("#") ? id.substring(1) : id) + " (contained in " + label(container) + ")";
        }
        return r.fhirType() + "/" + (id != null ? id : "entry" + entryOf.get(r));
    }

    private Resource lookup(String ref) {
        Resource found = byKey.get(ref);
        if (found == null) {
            String[] parts = ref.split("/");
            if (parts.length >= 2) {
                String tail = parts[parts.length - 2] + "/" + parts[parts.length - 1];
                if (parts.length >= 4 && "_history".equals(parts[parts.length - 2])) {
                    tail = parts[parts.length - 4] + "/" + parts[parts.length - 3];
                }
                found = byKey.get(tail);
            }
        }
        return found;
    }

    private void checkReferences(FhirContext context) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Resource r : resources) {
            for (Reference ref : context.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                String target = ref.getReferenceElement().getValue();
                if (target == null || target.isBlank() || target.startsWith("#")) {
                    continue; // identifier-only, display-only or contained references point nowhere in the bundle
                }
                if (lookup(target) == null) {
                    problems.add(new FieldProblem(field(r),
                            label(r) + " references " + target + ", which is not in the bundle"));
                }
            }
        }
        if (!problems.isEmpty()) {
            // a resource often names the same missing one twice (requester and care team): say it once
            throw new InputException(problems.stream().distinct().toList());
        }
    }
}
