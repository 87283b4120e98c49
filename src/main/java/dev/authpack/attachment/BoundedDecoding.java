package dev.authpack.attachment;

import dev.authpack.rendering.QuietPdfParsing;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * PDFBox unpacks a stream whole, in memory, the moment anything reads it, and it reads an upload's object
 * streams while it loads the file, before any check of ours can run: a 408 KB upload whose object stream
 * inflated to hundreds of MB ran the service out of heap at the upload itself (ASVS walk and upload-bomb
 * audit, session 25). PDFBox offers no limit, so its Flate and LZW decoders (the two that expand without
 * bound) are wrapped, once, in its filter registry: while an upload is checked on this thread, each
 * stream stops unpacking past a limit, an object stream may declare no more objects than allowed, and the
 * first refusal holds for the rest of the check. Everywhere else (our own documents, stored uploads, which
 * were re-written by the check) the decoders work as before. {@code BoundedDecodingTest} pins the registry
 * this reaches into, so an upgrade of PDFBox that moves it fails the build instead of the guard going quiet.
 */
final class BoundedDecoding {

    private static final ThreadLocal<Limits> CURRENT = new ThreadLocal<>();
    private static final List<COSName> EXPANDING = List.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION);

    static {
        install();
    }

    private BoundedDecoding() {
    }

    /** What one check allows, and the first thing it found past it. */
    static final class Limits {
        private final long maxStreamBytes;
        private final int maxObjects;
        private String exceeded;

        Limits(long maxStreamBytes, int maxObjects) {
            this.maxStreamBytes = maxStreamBytes;
            this.maxObjects = maxObjects;
        }

        int maxObjects() {
            return maxObjects;
        }

        /** Why the upload is refused, or null while nothing passed a limit. */
        String exceeded() {
            return exceeded;
        }

        private Refused refuse(String why) {
            if (exceeded == null) {
                exceeded = why;
            }
            return new Refused();
        }
    }

    /** Thrown out of the decoder: unchecked, so PDFBox's lenient reading cannot take it for a damaged object. */
    static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** Runs {@code work} with streams unpacked on this thread held to {@code limits}. */
    static <T, E extends Exception> T during(Limits limits, QuietPdfParsing.PdfWork<T, E> work) throws E {
        CURRENT.set(limits);
        try {
            return work.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** Whether the registry holds the bounded decoders (for the test that pins PDFBox's internals). */
    static boolean installed() throws java.io.IOException {
        return EXPANDING.stream().allMatch(name -> {
            try {
                return FilterFactory.INSTANCE.getFilter(name) instanceof Bounded;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void install() {
        try {
            Field field = FilterFactory.class.getDeclaredField("filters");
            field.setAccessible(true);
            Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
            // values of keys already there are replaced: the map is not resized under readers on other threads
            for (COSName name : EXPANDING) {
                Filter original = filters.get(name);
                if (original == null) {
                    throw new IllegalStateException("PDFBox has no " + name.getName() + " filter to bound");
                }
                if (!(original instanceof Bounded)) {
                    filters.put(name, new Bounded(original));
                }
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("PDFBox's filter registry is not where this release expects it; uploads "
                    + "cannot be checked safely (see BoundedDecoding)", e);
        }
    }

    private static final class Bounded extends Filter {

        private final Filter original;

        Bounded(Filter original) {
            this.original = original;
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            Limits limits = CURRENT.get();
            if (limits == null) {
                return original.decode(encoded, decoded, parameters, index);
            }
            if (limits.exceeded != null) {
                throw new Refused();
            }
            int objects = parameters == null ? 0 : parameters.getInt(COSName.N, 0);
            if (objects > limits.maxObjects) {
                throw limits.refuse("holds an object stream of " + objects + " objects");
            }
            return original.decode(encoded, new Capped(decoded, limits), parameters, index);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            original.encode(input, encoded, parameters, 0);
        }
    }

    /** Passes bytes on until the limit, then refuses. */
    private static final class Capped extends FilterOutputStream {

        private final Limits limits;
        private long count;

        Capped(OutputStream out, Limits limits) {
            super(out);
            this.limits = limits;
        }

        @Override
        public void write(int b) throws IOException {
            grow(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            grow(len);
            out.write(b, off, len);
        }

        private void grow(int by) {
            count += by;
            if (count > limits.maxStreamBytes) {
                throw limits.refuse("holds a part that unpacks to more than " + limits.maxStreamBytes / (1024 * 1024)
                        + " MB");
            }
        }
    }
}
