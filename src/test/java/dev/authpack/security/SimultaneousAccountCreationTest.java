package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.core.InputException;
import dev.authpack.support.SharedServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two administrators (or one who clicks twice through two instances) create the same user name at
 * once. Each checks the name is free, then spends a password hash's time before storing: the second
 * store used to overwrite the first account (its password, role and clinic) and answer "created" to
 * both, or fail with an error nobody could read. One must be created, the other told the name is taken.
 */
@SharedServiceTest
class SimultaneousAccountCreationTest {

    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameUserNameCreatedTwiceAtOnceMakesOneAccountAndTellsTheOtherItIsTaken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String name = "twice." + round + "." + System.nanoTime() % 1_000_000;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> tries = new ArrayList<>();
                for (String clinic : List.of("north", "south")) {
                    tries.add(pool.submit(() -> {
                        start.await();
                        try {
                            admin.create(name, Role.BILLING, clinic, TestUsers.PASSWORD + clinic);
                            return "created in " + clinic;
                        } catch (InputException e) {
                            return e.problems().get(0).field() + " " + e.problems().get(0).message();
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> t : tries) {
                    outcomes.add(t.get());
                }

                assertThat(outcomes).as(name).containsOnlyOnce("username is taken")
                        .filteredOn(o -> o.startsWith("created in ")).hasSize(1);
                String winner = outcomes.stream().filter(o -> o.startsWith("created in ")).findFirst().orElseThrow()
                        .substring("created in ".length());
                Map<String, Object> stored = jdbc.queryForMap("SELECT role, clinic_id FROM users WHERE username = ?", name);
                assertThat(stored).as("the account the answer described")
                        .containsEntry("ROLE", "BILLING").containsEntry("CLINIC_ID", winner);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_events WHERE action = 'USER_CREATED' "
                        + "AND target_user = ?", Integer.class, name)).as("created once in the trail").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
