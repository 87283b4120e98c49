package dev.authpack.rendering;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * PDFBox logs every object it cannot read at ERROR with a full stack trace; a hostile upload (a
 * deeply nested array, thousands of broken objects) turned that into hundreds of log lines per
 * request, and a damaged scan merged into a packet repeated its warnings on every packet of the
 * case. While a PDF from outside (an upload, chart notes being merged) is read on this thread,
 * PDFBox's and FontBox's own messages are held back and counted; the caller writes one line
 * instead. Other PDFBox use (rendering our own templates) logs as before. Installed on first use,
 * and again if the logging system was reset since.
 */
public final class QuietPdfParsing extends TurboFilter {

    private static final List<String> QUIETED = List.of("org.apache.pdfbox", "org.apache.fontbox");
    private static final QuietPdfParsing INSTANCE = new QuietPdfParsing();
    private static final ThreadLocal<Complaints> CURRENT = new ThreadLocal<>();
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_LOGGED = 200;

    /** What PDFBox complained about while a PDF was read: how often, and the first complaint. */
    public static final class Complaints {
        private int count;
        private String first;

        public int count() {
            return count;
        }

        public String first() {
            return first;
        }
    }

    /** Work on a PDF that may throw {@code E} (an {@link java.io.IOException}, or nothing checked). */
    @FunctionalInterface
    public interface PdfWork<T, E extends Exception> {
        T run() throws E;
    }

    private QuietPdfParsing() {
    }

    /** Runs {@code work} with PDFBox's messages on this thread held back into {@code complaints}. */
    public static <T, E extends Exception> T during(Complaints complaints, PdfWork<T, E> work) throws E {
        install();
        CURRENT.set(complaints);
        try {
            return work.run();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        Complaints c = CURRENT.get();
        if (c == null || logger == null || QUIETED.stream().noneMatch(logger.getName()::startsWith)) {
            return FilterReply.NEUTRAL;
        }
        if (level != null && level.isGreaterOrEqual(Level.WARN)) {
            c.count++;
            if (c.first == null) {
                // the library logs through SLF4J's event API, which gives a turbo filter neither message
                // nor exception: then the logger's name is what can be said
                c.first = format == null ? level + " from " + logger.getName()
                        : logSafe(format) + (t == null ? "" : " (" + t.getClass().getSimpleName() + ": "
                                + logSafe(String.valueOf(t.getMessage())) + ")");
            }
        }
        return FilterReply.DENY;
    }

    /**
     * PDFBox quotes what it read where it expected something else ("found 'Jane'"), and a damaged
     * file can put anything there, a chart note's words or a line break that forges a log line: the
     * quoted parts are left out, control characters become spaces and the length is capped.
     */
    static String logSafe(String message) {
        String unquoted = QUOTED.matcher(message).replaceAll("[…]");
        int lone = firstQuote(unquoted);
        if (lone >= 0) {
            // a quote the message never closes: what follows it is the file's, whatever its length
            unquoted = unquoted.substring(0, lone) + "[…]";
        }
        String oneLine = CONTROL.matcher(unquoted).replaceAll(" ");
        return oneLine.length() <= MAX_LOGGED ? oneLine : oneLine.substring(0, MAX_LOGGED) + "…";
    }

    private static int firstQuote(String s) {
        int single = s.indexOf('\'');
        int dbl = s.indexOf('"');
        return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
    }

    private static synchronized void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(INSTANCE)) {
            INSTANCE.start();
            context.addTurboFilter(INSTANCE);
        }
    }
}
