package dev.authpack.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A production database starts with no users. When {@code authpack.bootstrap.admin-username} and
 * {@code authpack.bootstrap.admin-password} are set (environment variables in practice) and no
 * administrator exists yet, this creates the first one; the password follows the usual rules.
 * Once an administrator exists the settings are ignored and can be removed. Two instances started
 * together on an empty database both try; the one that finds the account made meanwhile carries on.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String USERNAME_PROPERTY = "authpack.bootstrap.admin-username";
    static final String PASSWORD_PROPERTY = "authpack.bootstrap.admin-password";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Environment env;
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    AdminBootstrap(Environment env, UserAccountRepository users, PasswordEncoder encoder) {
        this.env = env;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = env.getProperty(USERNAME_PROPERTY);
        String password = env.getProperty(PASSWORD_PROPERTY);
        if (username == null || username.isBlank() || password == null || users.existsByRole(Role.ADMIN)) {
            return;
        }
        var problems = PasswordRules.problems(username, password);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(PASSWORD_PROPERTY + " " + String.join("; ", problems));
        }
        UserAccount admin = new UserAccount(username.strip(), encoder.encode(password), Role.ADMIN, null);
        admin.passwordPassedTheRules();
        try {
            users.saveAndFlush(admin);
        } catch (DataIntegrityViolationException takenMeanwhile) {
            if (users.existsByRole(Role.ADMIN)) {
                // two instances on their first start, same settings: the other one made it
                log.info("The first administrator account was created by another instance");
                return;
            }
            throw takenMeanwhile;
        }
        log.info("Created the first administrator account {}", username.strip());
    }
}
