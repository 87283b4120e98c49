package dev.authpack.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the contract's demo clinics and users, so a newcomer can sign in right after the first
 * start. Never on in production: the postgres profile turns it off. The switch is read when it
 * runs, not as a bean condition: the production jar's bean definitions are fixed at build time
 * (Spring AOT, docs/performance.md), with the default properties, where demo data is on.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo-pass-2026";
    static final String SWITCH = "authpack.demo.enabled";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Environment env;
    private final ClinicRepository clinics;
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    DemoData(Environment env, ClinicRepository clinics, UserAccountRepository users, PasswordEncoder encoder) {
        this.env = env;
        this.clinics = clinics;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!env.getProperty(SWITCH, Boolean.class, false)) {
            return;
        }
        clinic("north", "North Clinic");
        clinic("south", "South Clinic");
        user("north.billing", "Maria Santos", Role.BILLING, "north");
        user("north.clinic", "Lee Park", Role.CLINIC, "north");
        user("south.billing", "Sam Okafor", Role.BILLING, "south");
        user("admin", "Alex Morgan", Role.ADMIN, null);
        log.info("Demo data present: clinics north and south, 4 demo users");
    }

    private void clinic(String id, String name) {
        if (!clinics.existsById(id)) {
            clinics.save(new Clinic(id, name));
        }
    }

    private void user(String username, String displayName, Role role, String clinicId) {
        UserAccount account = users.findById(username)
                .orElseGet(() -> users.save(new UserAccount(username, encoder.encode(DEMO_PASSWORD), role, clinicId)));
        if (account.displayName() == null) {
            account.rename(displayName);
        }
    }
}
