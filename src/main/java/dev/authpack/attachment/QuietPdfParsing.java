package dev.authpack.attachment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * PDFBox logs every object it cannot read at ERROR with a full stack trace; a hostile upload (a
 * deeply nested array, thousands of broken objects) turned that into hundreds of log lines per
 * request. While an upload is parsed on this thread, PDFBox's own messages are held back and
 * counted; the caller writes one line instead. Other PDFBox use (rendering our own templates) logs
 * as before. Installed on first use, and again if the logging system was reset since.
 */
final class QuietPdfParsing extends TurboFilter {

    private static final String PDFBOX = "org.apache.pdfbox";
    private static final QuietPdfParsing INSTANCE = new QuietPdfParsing();
    private static final ThreadLocal<Complaints> CURRENT = new ThreadLocal<>();

    /** What PDFBox complained about while one upload was read: how often, and the first complaint. */
    static final class Complaints {
        private int count;
        private String first;

        int count() {
            return count;
        }

        String first() {
            return first;
        }
    }

    private QuietPdfParsing() {
    }

    /** Runs {@code work} with PDFBox's messages on this thread held back into {@code complaints}. */
    static <T> T during(Complaints complaints, Supplier<T> work) {
        install();
        CURRENT.set(complaints);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        Complaints c = CURRENT.get();
        if (c == null || logger == null || !logger.getName().startsWith(PDFBOX)) {
            return FilterReply.NEUTRAL;
        }
        if (level != null && level.isGreaterOrEqual(Level.WARN)) {
            c.count++;
            if (c.first == null) {
                c.first = format + (t == null ? "" : " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")");
            }
        }
        return FilterReply.DENY;
    }

    private static synchronized void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(INSTANCE)) {
            INSTANCE.start();
            context.addTurboFilter(INSTANCE);
        }
    }
}
