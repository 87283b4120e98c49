package dev.authpack.desk;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.authorization.AuthStatus;
import dev.authpack.authorization.Authorization;
import dev.authpack.authorization.AuthorizationService;
import dev.authpack.casefile.CaseListing;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.PatientNameKey;
import dev.authpack.core.TypedIdentifier;
import dev.authpack.security.Actors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the clinic's open cases of the patient a new case is typed for: same last name, first
 * name and birth date, or the same member id (compared without case, spaces or dashes). Open means
 * the authorization is still being worked on; approved, denied, withdrawn and expired cases are
 * finished, and a renewal after them is expected, not a duplicate.
 */
@Component
class CaseDuplicates {

    static final Set<AuthStatus> OPEN = EnumSet.of(AuthStatus.NOT_SUBMITTED, AuthStatus.SUBMITTED,
            AuthStatus.PENDED, AuthStatus.APPEALED);

    /** An existing case shown in the warning; linked by id only, never by anything about the patient. */
    record Duplicate(UUID id, String patientName, LocalDate startedOn, AuthStatus status) {
    }

    private final CaseService cases;
    private final AuthorizationService authorizations;
    private final AuditLog audit;

    CaseDuplicates(CaseService cases, AuthorizationService authorizations, AuditLog audit) {
        this.cases = cases;
        this.authorizations = authorizations;
        this.audit = audit;
    }

    List<Duplicate> openCasesOf(CaseForm form) {
        List<CaseListing> same = cases.listings(null).stream().filter(c -> samePatient(form, c)).toList();
        Map<UUID, Authorization> auth = authorizations.forCases(Actors.current().clinicId(),
                same.stream().map(CaseListing::id).toList());
        List<Duplicate> found = same.stream()
                .map(c -> new Duplicate(c.id(), Objects.toString(c.patientName(), ""),
                        authorizations.dayOf(c.createdAt()),
                        auth.getOrDefault(c.id(), Authorization.NONE).status()))
                .filter(d -> OPEN.contains(d.status())).toList();
        // the warning shows these cases' patient names: recorded as a list of them, like the case list
        if (!found.isEmpty()) {
            audit.recordList(AuditAction.CASES_LISTED, found.stream().map(Duplicate::id).toList());
        }
        return found;
    }

    static boolean samePatient(CaseForm form, CaseListing p) {
        String member = key(form.value("patient.memberId"));
        if (!member.isEmpty() && member.equals(key(p.memberId()))) {
            return true;
        }
        LocalDate born = date(form.value("patient.dateOfBirth"));
        return born != null && born.equals(p.dateOfBirth())
                && name(form.value("patient.lastName")).equals(name(p.lastName()))
                && name(form.value("patient.firstName")).equals(name(p.firstName()))
                && !name(p.lastName()).isEmpty();
    }

    /** Typed on the form as pasted ("ＸＪＨ－１２３") and stored as saved ("XJH-123"): compared as saved. */
    private static String key(String memberId) {
        if (memberId == null) {
            return "";
        }
        String plain = TypedIdentifier.of(memberId).orElse(memberId);
        return plain.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** A name typed once with its accents and once without ("Ibáñez", "Ibanez") is the same name here. */
    private static String name(String text) {
        return text == null ? "" : PatientNameKey.of(text.strip().replaceAll("\\s+", " "));
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
