package dev.authpack.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * A collection bundle being written: each resource is added once, under a {@code urn:uuid:} fullUrl
 * derived from the case id and the resource's role, so exporting the same case twice gives the
 * same identifiers and every reference resolves inside the bundle.
 */
final class BundleWriter {

    private final Bundle bundle = new Bundle();
    private final String caseId;

    BundleWriter(String caseId) {
        this.caseId = caseId;
        bundle.setType(Bundle.BundleType.COLLECTION);
    }

    Bundle bundle() {
        return bundle;
    }

    /** Adds the resource under the id derived from {@code key}; answers a reference to it. */
    Reference add(Resource resource, String key) {
        String uuid = uuid(key);
        resource.setId(uuid);
        String fullUrl = "urn:uuid:" + uuid;
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        return new Reference(fullUrl);
    }

    /** Puts the resource first (the Claim of a PAS request bundle). */
    Reference addFirst(Resource resource, String key) {
        Reference ref = add(resource, key);
        bundle.getEntry().add(0, bundle.getEntry().remove(bundle.getEntry().size() - 1));
        return ref;
    }

    String uuid(String key) {
        return UUID.nameUUIDFromBytes((caseId + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static CodeableConcept concept(String system, String code, String display) {
        CodeableConcept c = new CodeableConcept().addCoding(new Coding(system, code, display));
        return c;
    }

    static void extension(DomainResource r, String url, Object value) {
        if (value != null) {
            r.addExtension(url, typed(value));
        }
    }

    static void extension(Element e, String url, Object value) {
        if (value != null) {
            e.addExtension(url, typed(value));
        }
    }

    private static org.hl7.fhir.r4.model.Type typed(Object value) {
        if (value instanceof BigDecimal d) {
            return new DecimalType(d);
        }
        if (value instanceof Boolean b) {
            return new org.hl7.fhir.r4.model.BooleanType(b);
        }
        if (value instanceof Enum<?> e) {
            return new org.hl7.fhir.r4.model.CodeType(e.name());
        }
        return new StringType(value.toString());
    }
}
