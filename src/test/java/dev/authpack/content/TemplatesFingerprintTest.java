package dev.authpack.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesFingerprintTest {

    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void twoCopiesOfTheSameContentHaveOneFingerprint() throws IOException {
        write(a, "policies/aetna.yaml", "id: aetna\n");
        write(a, "drugs/catalog.yaml", "drugs: []\n");
        write(b, "drugs/catalog.yaml", "drugs: []\n");
        write(b, "policies/aetna.yaml", "id: aetna\n");

        assertThat(fingerprint(a)).isEqualTo(fingerprint(b)).hasSize(16);
    }

    @Test
    void oneChangedCharacterChangesIt() throws IOException {
        write(a, "policies/aetna.yaml", "minFailedTrials: 2\n");
        write(b, "policies/aetna.yaml", "minFailedTrials: 3\n");

        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
    }

    @Test
    void aRenamedFileChangesIt() throws IOException {
        write(a, "policies/aetna.yaml", "id: aetna\n");
        write(b, "policies/aetna-2.yaml", "id: aetna\n");

        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
    }

    @Test
    void textMovedFromOneFileToTheNextChangesIt() throws IOException {
        write(a, "x.yaml", "ab");
        write(a, "y.yaml", "c");
        write(b, "x.yaml", "a");
        write(b, "y.yaml", "bc");

        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
    }

    @Test
    void anEditorsHiddenFilesDoNotCount() throws IOException {
        write(a, "policies/aetna.yaml", "id: aetna\n");
        write(b, "policies/aetna.yaml", "id: aetna\n");
        write(b, "policies/.aetna.yaml.swp", "editor state");
        write(b, ".git/HEAD", "ref: refs/heads/main");

        assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
    }

    private static String fingerprint(Path dir) {
        return TemplatesFingerprint.of(dir, TemplatesFingerprint.files(dir));
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
