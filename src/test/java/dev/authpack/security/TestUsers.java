package dev.authpack.security;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh accounts for tests that fail sign-ins on purpose, so the demo users never get locked. */
final class TestUsers {

    static final String PASSWORD = "correct-horse-battery-9";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestUsers() {
    }

    static String billing(UserAdministration admin, String prefix) {
        String name = prefix + "." + System.nanoTime() % 1_000_000 + "." + SEQ.incrementAndGet();
        admin.create(name, Role.BILLING, "north", PASSWORD);
        return name;
    }
}
