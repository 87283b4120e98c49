package dev.authpack.security;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import dev.authpack.core.TypedText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to accounts: create them with a clinic and role, reset passwords,
 * disable, enable and unlock them, change their role or clinic or the name their person goes by. There is always an enabled
 * administrator left: nobody can disable or demote the last one. The API and the admin pages both call this.
 */
@Service
class UserAdministration {

    static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");

    private final UserAccountRepository users;
    private final ClinicRepository clinics;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, ClinicRepository clinics, PasswordEncoder encoder,
                       ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.clinics = clinics;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<UserView> users() {
        Instant now = clock.instant();
        // ordered here, not by the database: its ORDER BY follows the database's collation, which puts
        // "j_smith" before "j-smith" and "jane" on PostgreSQL (ICU and glibc weigh punctuation their own way)
        // and after them on H2; character order is the same on every database
        return users.findAll().stream().sorted(Comparator.comparing(UserAccount::username))
                .map(u -> UserView.of(u, now)).toList();
    }

    /** Clinic id to name, by id: the page shows names, the form posts ids. */
    @Transactional(readOnly = true)
    Map<String, String> clinicNames() {
        Map<String, String> names = new TreeMap<>();
        clinics.findAll().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    @Transactional
    void create(String username, Role role, String clinicId, String password) {
        create(username, null, role, clinicId, password);
    }

    @Transactional
    void create(String username, String displayName, Role role, String clinicId, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            problems.add(new FieldProblem("username",
                    "must be 3 to 100 characters: lower-case letters, digits, dot, dash, underscore"));
        } else if (users.existsById(name)) {
            problems.add(new FieldProblem("username", "is taken"));
        }
        if (role == null) {
            problems.add(new FieldProblem("role", "is required"));
        }
        String clinic = clinicId == null || clinicId.isBlank() ? null : clinicId.strip();
        checkClinic(role, clinic, problems);
        checkDisplayName(displayName).ifPresent(problems::add);
        PasswordRules.problems(name, password).forEach(p -> problems.add(new FieldProblem("password", p)));
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        UserAccount account = new UserAccount(name, encoder.encode(password), role, clinic);
        account.passwordPassedTheRules();
        account.rename(kept(displayName));
        UserAccount created;
        try {
            created = users.saveAndFlush(account);
        } catch (DataIntegrityViolationException takenMeanwhile) {
            // created by another administrator between the check above and here (a password hash's time)
            throw new InputException("username", "is taken");
        }
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.USER_CREATED, created, true));
    }

    /**
     * Changes the name the account's person goes by (a blank one clears it); the user name, which
     * the audit trail keys on, never changes.
     */
    @Transactional
    UserView rename(String username, String displayName) {
        UserAccount account = users.findById(username).orElseThrow(() -> new NotFoundException("user"));
        checkDisplayName(displayName).ifPresent(p -> {
            throw new InputException(List.of(p));
        });
        account.rename(kept(displayName));
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.USER_RENAMED, account, false));
        return view(account);
    }

    /**
     * Not too long, and only characters a person types ({@link TypedText}): the name is shown on the
     * users page and beside the person's entries in the audit log and its CSV.
     */
    private static Optional<FieldProblem> checkDisplayName(String displayName) {
        String stripped = displayName == null ? "" : displayName.strip();
        if (stripped.length() > MAX_DISPLAY_NAME) {
            return Optional.of(new FieldProblem("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
        }
        if (!TypedText.isTypeable(stripped)) {
            return Optional.of(new FieldProblem("displayName", TypedText.PROBLEM));
        }
        return Optional.empty();
    }

    /** Kept composed (NFC), as case text is, so a name pasted decomposed reads and sorts as the one typed. */
    private static String kept(String displayName) {
        return displayName == null ? null : TypedText.stored(displayName.strip());
    }

    @Transactional
    void resetPassword(String username, String password) {
        UserAccount account = users.findById(username).orElseThrow(() -> new NotFoundException("user"));
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRules.problems(username, password).forEach(p -> problems.add(new FieldProblem("password", p)));
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        account.changePassword(encoder.encode(password));
        account.passwordPassedTheRules();
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.PASSWORD_RESET, account, true));
    }

    /** Disables an account: it cannot sign in, and its sessions end at their next request. */
    @Transactional
    UserView disable(String username, String byAdmin) {
        UserAccount account = users.findById(username).orElseThrow(() -> new NotFoundException("user"));
        if (account.username().equals(byAdmin)) {
            throw new InputException("username", "is your own account: another administrator must disable it");
        }
        List<FieldProblem> problems = new ArrayList<>();
        keepAnAdministrator(account, problems, "username");
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        account.disable();
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.USER_DISABLED, account, false));
        return view(account);
    }

    @Transactional
    UserView enable(String username) {
        UserAccount account = users.findById(username).orElseThrow(() -> new NotFoundException("user"));
        account.enable();
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.USER_ENABLED, account, true));
        return view(account);
    }

    /**
     * Ends a lockout after failed sign-ins at once (instead of waiting for it to run out) and forgets
     * the count; the password stays as it is.
     */
    @Transactional
    UserView unlock(String username) {
        UserAccount account = users.findById(username).orElseThrow(() -> new NotFoundException("user"));
        account.unlock();
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.USER_UNLOCKED, account, true));
        return view(account);
    }

    /** Gives an account another role or clinic; its sessions end, so the next request carries the new ones. */
    @Transactional
    UserView changeAccess(String username, Role role, String clinicId, String byAdmin) {
        UserAccount account = users.findById(username).orElseThrow(() -> new NotFoundException("user"));
        String clinic = clinicId == null || clinicId.isBlank() ? null : clinicId.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (role == null) {
            problems.add(new FieldProblem("role", "is required"));
        }
        checkClinic(role, clinic, problems);
        if (role != null && role != Role.ADMIN && account.username().equals(byAdmin)) {
            problems.add(new FieldProblem("role", "cannot be taken from your own account"));
        } else if (role != null && role != Role.ADMIN) {
            keepAnAdministrator(account, problems, "role");
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        account.changeAccess(role, clinic);
        events.publishEvent(AccountChangedEvent.of(AccountChangedEvent.Change.ACCESS_CHANGED, account, true));
        return view(account);
    }

    private void checkClinic(Role role, String clinic, List<FieldProblem> problems) {
        if (role == Role.ADMIN && clinic != null) {
            problems.add(new FieldProblem("clinicId", "must be empty for an administrator"));
        } else if (role != null && role != Role.ADMIN && clinic == null) {
            problems.add(new FieldProblem("clinicId", noClinic(role)));
        } else if (role != null && role != Role.ADMIN && !clinics.existsById(clinic)) {
            problems.add(new FieldProblem("clinicId", "must name an existing clinic"));
        }
    }

    /** Nothing chosen is not an unknown clinic: the page asks for a choice ("Choose a clinic for a clinic user"). */
    static String noClinic(Role role) {
        return "must be chosen for a " + role.name().toLowerCase(Locale.ROOT) + " user";
    }

    private UserView view(UserAccount u) {
        return UserView.of(u, clock.instant());
    }

    /** The account may stop being an administrator only while another enabled one remains. */
    private void keepAnAdministrator(UserAccount account, List<FieldProblem> problems, String field) {
        if (account.role() == Role.ADMIN && account.enabled()
                && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            problems.add(new FieldProblem(field, "belongs to the last enabled administrator: there would be none left"));
        }
    }
}
