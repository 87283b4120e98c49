package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.core.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What PDFBox does while it loads an upload, before any check of ours could look at it: unpack object
 * streams whole and keep an entry for every object listed. A 408 KB upload whose object stream unpacked
 * to hundreds of MB, or a 31 KB one listing 3 million objects, ran a 512 MiB heap out at the upload itself
 * (session 25's ASVS walk and upload-bomb audit). Each is refused now, having cost a bounded amount of
 * memory, measured as what this thread allocated.
 */
class LoadingBoundsTest {

    static final int MAX_OBJECTS = 100_000;

    @Test
    void anObjectStreamUnpackingPastTheLimitIsRefusedWhileLoadingWithoutUnpackingIt() {
        byte[] upload = HostilePdfs.catalogInObjectStreamInflatingTo(400L << 20);
        assertThat(upload.length).isLessThan(600_000);

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> clean(upload))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).message()).contains("unpacks to more than 32 MB")
                .contains("authpack.attachments.max-objects")));

        assertThat(allocated).as("bytes allocated checking a %d-byte upload", upload.length).isLessThan(160L << 20);
    }

    @Test
    void anObjectStreamWithinTheLimitStillLoads() {
        assertThat(clean(HostilePdfs.catalogInObjectStreamInflatingTo(1 << 20)).pages()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Size", "/S#69ze", "/Size %a comment\n"})
    void aCrossReferenceStreamListingMoreObjectsThanAllowedIsRefusedBeforeLoading(String sizeName) {
        byte[] upload = HostilePdfs.crossReferenceListing(1_000_000, sizeName);
        assertThat(upload.length).isLessThan(100_000);

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> clean(upload))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).message()).contains("declares more than 100000 objects")
                .contains("authpack.attachments.max-objects")));

        assertThat(allocated).as("bytes allocated checking a %d-byte upload", upload.length).isLessThan(64L << 20);
    }

    @Test
    void aCrossReferenceStreamWithinTheLimitStillLoads() {
        assertThat(clean(HostilePdfs.crossReferenceListing(50_000, "/Size")).pages()).isEqualTo(1);
    }

    @Test
    void moreObjectsThanAllowedInAClassicFileAreRefusedAndAsManyAsAllowedLoad() {
        assertThatThrownBy(() -> PdfSanitizer.clean(HostilePdfs.withEmptyObjects(1_000), 5, 16 << 20, 1_000))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).message()).contains("has more than 1000 objects"));
        assertThat(PdfSanitizer.clean(HostilePdfs.withEmptyObjects(996), 5, 16 << 20, 1_000).pages()).isEqualTo(1);
    }

    @Test
    void objectCountsReadEveryWayAFileListsItsObjects() {
        assertThat(ObjectCounts.problem(HostilePdfs.withEmptyObjects(10), 20)).isNull();
        assertThat(ObjectCounts.problem(HostilePdfs.withEmptyObjects(10), 12)).isEqualTo("has more than 12 objects");
        byte[] table = "xref\n0 4\n0000000000 65535 f \n1 0 n\n2 0 n\n3 0 n\ntrailer << /Size 4 >>"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ObjectCounts.problem(table, 3)).isEqualTo("has a cross-reference table of more than 3 objects");
        byte[] ranges = "<< /Type /XRef /Size 2 /In#64ex [0 2 10 7] /W [1 2 1] >>"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ObjectCounts.problem(ranges, 8)).isEqualTo("declares more than 8 objects");
        assertThat(ObjectCounts.problem(ranges, 9)).isNull();
        byte[] huge = "trailer << /Size 99999999999999999999999 >>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ObjectCounts.problem(huge, 100)).isEqualTo("declares more than 100 objects");
    }

    /** The counts read 10 MB the way a hostile upload would write them, in one pass each, not one per split. */
    @Test
    void countingObjectsDoesNotBacktrackOverLongRunsOfDigitsOrComments() {
        for (String unit : new String[] {"7", "%", " ", "/Size %", "/Index [", "1 0 "}) {
            byte[] upload = unit.repeat((10 << 20) / unit.length()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> ObjectCounts.problem(upload, MAX_OBJECTS), unit);
        }
    }

    /** PDFBox's registry is reached by reflection: an upgrade that moves it must fail here, not go unguarded. */
    @Test
    void theDecodersOutsideAnUploadCheckUnpackWithoutLimit() throws IOException {
        PdfSanitizer.clean(HostilePdfs.withEmptyObjects(1), 5, 16 << 20, MAX_OBJECTS);
        assertThat(BoundedDecoding.installed()).isTrue();

        byte[] zeros = new byte[40 << 20];
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater();
        deflater.setInput(zeros);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        try (PDDocument doc = new PDDocument()) {
            COSStream stream = doc.getDocument().createCOSStream();
            try (var out = stream.createRawOutputStream()) {
                out.write(packed.toByteArray());
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (var in = stream.createInputStream()) {
                assertThat(in.readAllBytes()).as("our own documents' streams").hasSize(40 << 20);
            }
        }
    }

    private static CleanPdf clean(byte[] upload) {
        return PdfSanitizer.clean(upload, 5, 16 << 20, MAX_OBJECTS);
    }

    private static long allocatedBy(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
