package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.AuthpackApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The production profile ({@code postgres}) seeds no demo users and will not start when a demo
 * password could open it. The database is an in-memory H2 here: the guard reads accounts through
 * JPA, the same on either database.
 */
class ProductionProfileTest {

    private static final AtomicInteger DB = new AtomicInteger();

    @Test
    void aFreshProductionDatabaseHasNoDemoUsersOnlyTheAdministratorFromSettings() {
        try (ConfigurableApplicationContext app = start(true, freshDb(), "--authpack.bootstrap.admin-username=root.admin",
                "--authpack.bootstrap.admin-password=a-long-admin-secret-77")) {
            UserAccountRepository users = app.getBean(UserAccountRepository.class);
            assertThat(users.findAll()).extracting(UserAccount::username).containsExactly("root.admin");
            UserAccount admin = users.findById("root.admin").orElseThrow();
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.passwordHash()).doesNotContain("a-long-admin-secret-77");
        }
    }

    @Test
    void refusesToStartWhenAnAccountStillHasTheDemoPassword() {
        String db = freshDb();
        start(false, db).close(); // a demo instance seeded this database

        assertThatThrownBy(() -> start(true, db).close())
                .hasStackTraceContaining("still have the published demo password")
                .hasStackTraceContaining("north.billing");
    }

    @Test
    void eachAccountIsComparedWithTheDemoPasswordOnceNotAtEveryStart() {
        try (ConfigurableApplicationContext app = start(true, freshDb(), "--authpack.bootstrap.admin-username=root.admin",
                "--authpack.bootstrap.admin-password=a-long-admin-secret-77")) {
            UserAccountRepository users = app.getBean(UserAccountRepository.class);
            CountingBcrypt counting = new CountingBcrypt();
            // accounts from before the screening column, or written around the password rules
            for (String name : List.of("old.admin1", "old.admin2", "old.admin3")) {
                users.save(new UserAccount(name, counting.encode("another-long-secret-" + name), Role.ADMIN, null));
            }
            DemoPasswordGuard guard = new DemoPasswordGuard(app.getEnvironment(), users, counting);

            guard.afterSingletonsInstantiated();
            assertThat(counting.checks).as("the three unscreened accounts, not root.admin (set through the rules)").hasValue(3);
            assertThat(users.findByPasswordScreenedFalseOrderByUsername()).isEmpty();

            guard.afterSingletonsInstantiated();
            assertThat(counting.checks).as("nothing compared at the next start").hasValue(3);
        }
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseBothStartWithOneAdministrator() throws Exception {
        try (ConfigurableApplicationContext app = start(true, freshDb())) {
            UserAccountRepository users = app.getBean(UserAccountRepository.class);
            assertThat(users.existsByRole(Role.ADMIN)).as("no settings, no administrator yet").isFalse();
            StandardEnvironment settings = new StandardEnvironment();
            settings.getPropertySources().addFirst(new MapPropertySource("instance settings", Map.of(
                    AdminBootstrap.USERNAME_PROPERTY, "root.admin", AdminBootstrap.PASSWORD_PROPERTY, "a-long-admin-secret-77")));
            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
            CountDownLatch together = new CountDownLatch(1);
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> starts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    AdminBootstrap bootstrap = new AdminBootstrap(settings, users, encoder);
                    starts.add(instances.submit(() -> {
                        together.await();
                        bootstrap.run(new DefaultApplicationArguments());
                        return null;
                    }));
                }
                together.countDown();
                for (Future<?> start : starts) {
                    start.get(); // a start that failed on the taken name would throw here
                }
            } finally {
                instances.shutdownNow();
            }

            assertThat(users.findAll()).extracting(UserAccount::username).containsExactly("root.admin");
        }
    }

    private static String freshDb() {
        return "jdbc:h2:mem:production-profile-" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    private static ConfigurableApplicationContext start(boolean production, String db, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db, "--server.port=0",
                "--server.servlet.session.cookie.secure=true", "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        SpringApplicationBuilder app = new SpringApplicationBuilder(AuthpackApplication.class);
        if (production) {
            app.profiles(DemoPasswordGuard.PRODUCTION_PROFILE);
        }
        return app.run(args.toArray(String[]::new));
    }
}
