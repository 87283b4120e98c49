package dev.authpack.security;

import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import dev.authpack.core.TypedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to clinics: add one (a production database starts with none, and
 * billing and clinic accounts need one) and rename it. There is no removal: cases, documents,
 * accounts and the audit trail keep naming the clinic. The API and the admin page both call this.
 */
@Service
class ClinicAdministration {

    static final int MAX_NAME = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,40}");

    private final ClinicRepository clinics;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;

    ClinicAdministration(ClinicRepository clinics, UserAccountRepository users, ApplicationEventPublisher events) {
        this.clinics = clinics;
        this.users = users;
        this.events = events;
    }

    /** Every clinic by id, with its number of accounts. */
    @Transactional(readOnly = true)
    List<ClinicView> clinics() {
        Map<String, Long> counts = new HashMap<>();
        users.countPerClinic().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return clinics.findAll().stream().sorted(Comparator.comparing(Clinic::id))
                .map(c -> new ClinicView(c.id(), c.name(), counts.getOrDefault(c.id(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    ClinicView clinic(String id) {
        return view(clinics.findById(id).orElseThrow(() -> new NotFoundException("clinic")));
    }

    @Transactional
    ClinicView create(String id, String name) {
        List<FieldProblem> problems = new ArrayList<>();
        String newId = id == null ? "" : id.strip();
        if (!ID.matcher(newId).matches()) {
            problems.add(new FieldProblem("id", "must be 2 to 40 characters: lower-case letters, digits and hyphens"));
        }
        checkName(name).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        if (clinics.existsById(newId)) {
            throw taken(newId);
        }
        Clinic created;
        try {
            created = clinics.saveAndFlush(new Clinic(newId, TypedText.stored(name.strip())));
        } catch (DataIntegrityViolationException e) {
            // another administrator added the same id between the check and the insert
            throw taken(newId);
        }
        events.publishEvent(new ClinicChangedEvent(ClinicChangedEvent.Change.CLINIC_CREATED, newId));
        return new ClinicView(created.id(), created.name(), 0);
    }

    /** Gives a clinic another name; its id, which everything else holds, stays. */
    @Transactional
    ClinicView rename(String id, String name) {
        Clinic clinic = clinics.findById(id).orElseThrow(() -> new NotFoundException("clinic"));
        checkName(name).ifPresent(p -> {
            throw new InputException(List.of(p));
        });
        clinic.rename(TypedText.stored(name.strip()));
        events.publishEvent(new ClinicChangedEvent(ClinicChangedEvent.Change.CLINIC_RENAMED, clinic.id()));
        return view(clinic);
    }

    private static ConflictException taken(String id) {
        return new ConflictException("Clinic exists", "A clinic with the id " + id + " exists already; "
                + "choose another id, or rename that clinic instead.", Map.of("field", "id"));
    }

    /**
     * The name as people read it on pages and in PDFs: present, not too long, one line of the
     * characters a person types ({@link TypedText}, the rule of every case text field).
     */
    private static Optional<FieldProblem> checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return Optional.of(new FieldProblem("name", "is required"));
        }
        if (stripped.length() > MAX_NAME) {
            return Optional.of(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (!TypedText.isTypeable(stripped)) {
            return Optional.of(new FieldProblem("name", TypedText.PROBLEM));
        }
        return Optional.empty();
    }

    private ClinicView view(Clinic c) {
        return new ClinicView(c.id(), c.name(), users.countByClinicId(c.id()));
    }
}
