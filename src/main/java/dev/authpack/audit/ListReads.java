package dev.authpack.audit;

import java.util.Locale;

/**
 * Whether the audit trail shows list reads ({@link AuditAction#listingCases}): all events (the default, as
 * before), every event but list reads ("who opened, downloaded or changed this case"), or list reads only.
 * The parameter {@code lists} of the audit page, its CSV and {@code GET /api/v1/audit} holds the value in lower case.
 */
enum ListReads {
    INCLUDE, EXCLUDE, ONLY;

    /** The value as the parameter holds it, "exclude". */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice a parameter names (any case), or null for none. */
    static ListReads ofParameter(String value) {
        for (ListReads choice : values()) {
            if (choice.parameter().equalsIgnoreCase(value)) {
                return choice;
            }
        }
        return null;
    }
}
