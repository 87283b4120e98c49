package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Multipart;
import dev.authpack.support.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upload being read and the scratch files of a packet being built land in the instance's own
 * scratch folder (authpack.scratch.dir), which the next start deletes if this instance is killed,
 * not in the shared java.io.tmpdir, where a killed instance's chart notes stayed for good.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:scratch-folder;DB_CLOSE_DELAY=-1")
@Isolated // PDFBox's scratch folder is the JVM's latest instance's: no other context may start meanwhile
@DirtiesContext // closed after the class, so the other contexts' PDF work goes back to their own folder
class ScratchFilesStayInTheInstanceFolderTest {

    static final Path ROOT = tempRoot();

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) {
        registry.add("authpack.scratch.dir", ROOT::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ScratchSpace scratch;

    @Test
    void anUploadAndAPacketWriteTheirTempFilesInTheInstanceFolderOnly() throws Exception {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        Path folder = scratch.directory();
        assertThat(folder.getParent()).isEqualTo(ROOT);

        List<String> created = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            WatchKey key = folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Multipart upload = Multipart.of("Chart notes", "notes.pdf", onePagePdf());
            Response uploaded = api.post("/api/v1/cases/" + id + "/attachments", "north.billing", upload.body(),
                    upload.contentType());
            assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
            Response packet = api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null);
            assertThat(packet.status()).as(packet.text()).isEqualTo(201);
            for (WatchEvent<?> e : key.pollEvents()) {
                created.add(String.valueOf(e.context()));
            }
        }

        assertThat(created).as("files made in %s", folder)
                .anyMatch(name -> name.startsWith("upload_"))   // the container's copy of the upload
                .anyMatch(name -> name.startsWith("PDFBox"));   // the packet's and the upload's scratch files
        try (var left = Files.list(folder)) {
            assertThat(left).as("every one deleted once answered").isEmpty();
        }
    }

    /**
     * A temp-folder cleaner (systemd-tmpfiles) or an operator deletes the folder while the service runs:
     * PDFBox then built PDFs in memory, and the container made the folder again, readable by every user,
     * to write an upload of chart notes into it (disk-fault audit, session 25). It is made again,
     * owner-only, before either uses it.
     */
    @Test
    void aFolderDeletedWhileTheServiceRunsIsMadeAgainOwnerOnlyBeforeAPacketOrAnUploadUsesIt() throws Exception {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        Path folder = scratch.directory();

        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        Response packet = api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null);
        assertThat(packet.status()).as(packet.text()).isEqualTo(201);
        assertThat(folder).as("made again by the packet's scratch files").isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");

        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        Multipart upload = Multipart.of("Chart notes", "notes.pdf", onePagePdf());
        Response uploaded = api.post("/api/v1/cases/" + id + "/attachments", "north.billing", upload.body(),
                upload.contentType());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .as("made again before the container wrote the upload").isEqualTo("rwx------");
    }

    private static byte[] onePagePdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "scratch-root");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
