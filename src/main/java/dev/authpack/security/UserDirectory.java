package dev.authpack.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names for people and clinics where only their ids were recorded (the audit trail): staff display
 * names and clinic names, never patient data. Both tables are small, so they are read whole.
 */
@Service
public class UserDirectory {

    private final UserAccountRepository users;
    private final ClinicRepository clinics;

    UserDirectory(UserAccountRepository users, ClinicRepository clinics) {
        this.users = users;
        this.clinics = clinics;
    }

    /** User name to display name, for the accounts that have one. */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames() {
        Map<String, String> names = new HashMap<>();
        users.findAll().stream().filter(u -> u.displayName() != null).forEach(u -> names.put(u.username(), u.displayName()));
        return names;
    }

    /** Clinic id to clinic name. */
    @Transactional(readOnly = true)
    public Map<String, String> clinicNames() {
        Map<String, String> names = new HashMap<>();
        clinics.findAll().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }
}
