package dev.authpack.support;

import dev.authpack.AuthpackApplication;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The service started by a test itself (a second instance, a restart, a start that must fail), in the
 * JVM where other test classes start theirs at the same moment. Spring Boot's logging listener resets
 * the JVM's one Logback context when an application closes or fails to start, and a test context
 * setting up its logging at that instant failed to load ("Unable to find Spring Environment in logger
 * context": 19 tests of two classes in one CI run). These applications set logging up like any other
 * and leave it in place when they end.
 */
public final class OwnInstance {

    /** Spring Boot's name for the bean that resets logging when the context stops. */
    private static final String LOGGING_LIFECYCLE_BEAN = "springBootLoggingLifecycle";

    private OwnInstance() {
    }

    public static SpringApplicationBuilder builder() {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(AuthpackApplication.class);
        SpringApplication application = builder.application();
        List<ApplicationListener<?>> listeners = application.getListeners().stream()
                .<ApplicationListener<?>>map(l -> l instanceof LoggingApplicationListener ? new LoggingLeftInPlace() : l)
                .toList();
        application.setListeners(listeners);
        // the listener registers its own reset-on-stop bean only when no bean has this name
        builder.initializers(context -> context.getBeanFactory().registerSingleton(LOGGING_LIFECYCLE_BEAN, new Object()));
        return builder;
    }

    private static final class LoggingLeftInPlace extends LoggingApplicationListener {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
                return;
            }
            super.onApplicationEvent(event);
        }
    }
}
