package dev.authpack.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A user who signs in; belongs to exactly one clinic unless ADMIN. The user name is the key and is
 * chosen, not generated, so a new account says it is new: storing it inserts, and a name stored by
 * someone else meanwhile fails on the key instead of being overwritten (Spring Data would merge).
 */
@Entity
@Table(name = "users")
class UserAccount implements Persistable<String> {

    @Id
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "clinic_id")
    private String clinicId;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_screened", nullable = false)
    private boolean passwordScreened;
    @Transient
    private boolean stored;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Role role, String clinicId) {
        if (role != Role.ADMIN && clinicId == null) {
            throw new IllegalArgumentException("a " + role + " user belongs to a clinic");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.clinicId = role == Role.ADMIN ? null : clinicId;
        this.enabled = true;
    }

    String username() {
        return username;
    }

    @Override
    public String getId() {
        return username;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    String clinicId() {
        return clinicId;
    }

    boolean enabled() {
        return enabled;
    }

    int failedLogins() {
        return failedLogins;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    long sessionEpoch() {
        return sessionEpoch;
    }

    /** Whether the password is known not to be the demo password (so the start-up guard skips it). */
    boolean passwordScreened() {
        return passwordScreened;
    }

    /** For a password that passed {@link PasswordRules}, which refuse the demo password. */
    void passwordPassedTheRules() {
        this.passwordScreened = true;
    }

    /** The name the person goes by, or null when none was given. */
    String displayName() {
        return displayName;
    }

    void rename(String newDisplayName) {
        this.displayName = newDisplayName == null || newDisplayName.isBlank() ? null : newDisplayName.strip();
    }

    /** Forgets the failed sign-ins and ends a lockout at once (an administrator's unlock). */
    void unlock() {
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /** A new password ends every session signed in with the old one; it is screened again unless the rules passed it. */
    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordScreened = false;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.sessionEpoch++;
    }

    /** A disabled account cannot sign in, and its open sessions end. */
    void disable() {
        this.enabled = false;
        this.sessionEpoch++;
    }

    void enable() {
        this.enabled = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /** A new role or clinic ends every session that still carries the old one. */
    void changeAccess(Role newRole, String newClinicId) {
        if (newRole != Role.ADMIN && newClinicId == null) {
            throw new IllegalArgumentException("a " + newRole + " user belongs to a clinic");
        }
        this.role = newRole;
        this.clinicId = newRole == Role.ADMIN ? null : newClinicId;
        this.sessionEpoch++;
    }

}
