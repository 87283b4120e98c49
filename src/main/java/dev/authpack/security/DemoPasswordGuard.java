package dev.authpack.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production instance that a published password opens. "Configured" means any
 * of: the demo data switched on under the {@code postgres} profile; the bootstrap administrator's
 * password set to the demo password; demo data on while a bootstrap administrator is named (a real
 * practice's first start on the embedded database, where demo data is on by default); or, whenever
 * demo data is off, any account in the database
 * whose password is the demo password (e.g. a database copied from a demo instance). Runs before
 * the web server opens its port. Accounts whose password passed the password rules, or this check
 * once, are not compared again, so the start does not grow with the number of accounts.
 */
@Component
class DemoPasswordGuard implements SmartInitializingSingleton {

    static final String PRODUCTION_PROFILE = "postgres";

    private final Environment env;
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    DemoPasswordGuard(Environment env, UserAccountRepository users, PasswordEncoder encoder) {
        this.env = env;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean demo = env.getProperty(DemoData.SWITCH, Boolean.class, false);
        if (demo && env.matchesProfiles(PRODUCTION_PROFILE)) {
            throw new IllegalStateException("authpack.demo.enabled=true under the production profile '"
                    + PRODUCTION_PROFILE + "': demo users have a published password. Turn demo data off.");
        }
        if (DemoData.DEMO_PASSWORD.equals(env.getProperty(AdminBootstrap.PASSWORD_PROPERTY))) {
            throw new IllegalStateException(AdminBootstrap.PASSWORD_PROPERTY
                    + " is the published demo password. Choose another one.");
        }
        String bootstrapAdmin = env.getProperty(AdminBootstrap.USERNAME_PROPERTY);
        if (demo && bootstrapAdmin != null && !bootstrapAdmin.isBlank()) {
            // Demo data is on by default on the embedded database, so a practice that starts on H2 with
            // only the first-start settings of docs/deploy.md got the demo administrator "admin" (published
            // password) and, since an administrator then existed, not its own: silently, with a log line
            // saying the demo users are there. Naming a first administrator says this is a real database.
            throw new IllegalStateException(AdminBootstrap.USERNAME_PROPERTY + " is set, but demo data is on ("
                    + DemoData.SWITCH + "=true, the default on the embedded database): the demo users, administrator "
                    + "'admin' among them, have a published password, and the first administrator would not be "
                    + "created. Set " + DemoData.SWITCH + "=false (AUTHPACK_DEMO_ENABLED=false).");
        }
        if (!demo) {
            // one BCrypt comparison (~0.1 s) per account: only for accounts not screened before
            List<String> open = new ArrayList<>();
            for (UserAccount u : users.findByPasswordScreenedFalseOrderByUsername()) {
                if (encoder.matches(DemoData.DEMO_PASSWORD, u.passwordHash())) {
                    open.add(u.username());
                } else {
                    users.markScreened(u.username(), u.passwordHash());
                }
            }
            if (!open.isEmpty()) {
                throw new IllegalStateException("Demo data is off, but these accounts still have the published demo "
                        + "password: " + open + ". Reset their passwords (or remove the accounts) before starting.");
            }
        }
    }
}
