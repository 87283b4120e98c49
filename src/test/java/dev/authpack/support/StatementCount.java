package dev.authpack.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements the service sends to its database while a web request is served: every
 * {@code execute...} call made on a servlet container thread, whoever made it (Hibernate, Spring Session,
 * a JdbcTemplate), and every commit and rollback, each a round trip too. A test class that imports
 * {@link Wrapping} has its context's DataSource wrapped; no library needed. The scheduled jobs and the
 * test's own queries run on other threads and are not counted.
 */
public final class StatementCount {

    /**
     * The lock every test class that counts must hold ({@code @ResourceLock(StatementCount.LOG)}): the statements
     * seen are one list for the whole JVM, and Surefire runs test classes two at a time, so a worklist counted in
     * one class put its statements into a case page counted in another (seen in CI: PostgresCasePageStatementsTest
     * found WorklistAtClinicSizeTest's reads among its own).
     */
    public static final String LOG = "dev.authpack.support.StatementCount";

    /** Import it in a test class to have its context's statements counted (that class then has a context of its own). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Wrapping {

        @Bean
        static BeanPostProcessor countingStatements() {
            return counting();
        }
    }

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private StatementCount() {
    }

    private static BeanPostProcessor counting() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    /** The statements of the requests served while {@code work} ran, in order: their SQL, or COMMIT and ROLLBACK. */
    public static List<String> during(Runnable work) {
        SEEN.clear();
        work.run();
        return List.copyOf(SEEN);
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(StatementCount.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if ((method.getName().equals("commit") || method.getName().equals("rollback"))
                                && Thread.currentThread().getName().contains("-exec-")) {
                            SEEN.add(method.getName().toUpperCase(java.util.Locale.ROOT));
                        }
                        Object result = call(connection, method, args);
                        if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
                            return statement(statement, args != null && args.length > 0 ? String.valueOf(args[0]) : "");
                        }
                        if (result instanceof Statement statement) {
                            return statement(statement, null);
                        }
                        return result;
                    });
        }

        private static Statement statement(Statement statement, String sql) {
            List<Class<?>> types = new java.util.ArrayList<>();
            for (Class<?> c = statement.getClass(); c != null; c = c.getSuperclass()) {
                for (Class<?> i : c.getInterfaces()) {
                    if (i.getName().startsWith("java.sql.") && !types.contains(i)) {
                        types.add(i);
                    }
                }
            }
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("execute") && Thread.currentThread().getName().contains("-exec-")) {
                    SEEN.add(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "batch");
                }
                return call(statement, method, args);
            };
            return (Statement) Proxy.newProxyInstance(StatementCount.class.getClassLoader(),
                    types.toArray(Class<?>[]::new), handler);
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
