package dev.authpack.security;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's real password encoder, watched: it records every stored hash it is asked to
 * compare against, and can hold one chosen password inside its check until released, so a test can
 * make a lock land exactly while a right password is being checked. Every answer is the real one.
 */
final class RecordingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder real;
    private final Queue<String> comparedWith = new ConcurrentLinkedQueue<>();
    private volatile String held;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    RecordingPasswordEncoder(PasswordEncoder real) {
        this.real = real;
    }

    /** Wraps the application's encoder bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Install {
        @Bean
        static BeanPostProcessor recordPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder e && !(bean instanceof RecordingPasswordEncoder)
                            ? new RecordingPasswordEncoder(e) : bean;
                }
            };
        }
    }

    @Override
    public String encode(CharSequence raw) {
        return real.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        comparedWith.add(encoded);
        if (held != null && held.contentEquals(raw)) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return real.matches(raw, encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return real.upgradeEncoding(encoded);
    }

    void forget() {
        comparedWith.clear();
    }

    /** Every stored hash a password was compared with since the last {@link #forget}, in order. */
    java.util.List<String> comparedWith() {
        return java.util.List.copyOf(comparedWith);
    }

    /** From now on, a check of {@code password} waits inside the encoder until {@link #releaseHeld}. */
    void hold(String password) {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        held = password;
    }

    void awaitHeldCheck() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the held password was never checked");
        }
    }

    void releaseHeld() {
        held = null;
        release.countDown();
    }
}
