package dev.authpack.policy;

import dev.authpack.casefile.Treatment;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One payer policy as loaded from {@code templates/policies/<id>.yaml}. {@code version} is stamped
 * into every completeness report, packet and audit record; {@code source} names the published
 * policy family it follows. {@code approval} is absent for self-pay.
 */
public record Policy(String id, String version, String name, String source, Set<Treatment> treatments,
                     ApprovalPeriod approval, PolicyCriteria criteria) {

    public Policy {
        id = Checks.text(id, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case words joined by '-'");
        }
        version = Checks.text(version, "version");
        name = Checks.text(name, "name");
        source = Checks.text(source, "source");
        Checks.notEmpty(treatments, "treatments");
        treatments = Collections.unmodifiableSet(EnumSet.copyOf(treatments));
        if (criteria == null) {
            throw new IllegalArgumentException("criteria is required (write 'criteria: {}' for none)");
        }
    }

    public boolean covers(Treatment treatment) {
        return treatment != null && treatments.contains(treatment);
    }
}
