package dev.authpack.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The SQL Hibernate logs while some work runs, as its logger {@code org.hibernate.SQL} writes it, to check the shape
 * of a statement rather than count round trips ({@link StatementCount} does that). The logger is one for the JVM:
 * a class that uses this runs {@code @Isolated}, or another class's statements are read as its own.
 */
public final class HibernateSql {

    private HibernateSql() {
    }

    /** The statements logged while {@code work} ran, in order, as Hibernate formatted them. */
    public static List<String> sentWhile(Runnable work) {
        LoggingSystem logging = LoggingSystem.get(HibernateSql.class.getClassLoader());
        LogLevel previous = logging.getLoggerConfiguration("org.hibernate.SQL").getEffectiveLevel();
        Logger sqlLog = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        sqlLog.addAppender(captured);
        logging.setLogLevel("org.hibernate.SQL", LogLevel.DEBUG);
        try {
            work.run();
        } finally {
            logging.setLogLevel("org.hibernate.SQL", previous);
            sqlLog.detachAppender(captured);
        }
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
