package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.AuthpackApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An embedded database whose file cannot be written is opened read-only by H2 without a word. The service
 * then started, answered ready, and every request 500 (a read writes an audit row too). Now start-up stops,
 * saying so. Tests run as root, whom permissions do not stop, and cannot mount: H2's own read-only mode
 * ({@code ACCESS_MODE_DATA=r}) is the state a read-only folder puts it in (seen with a read-only bind mount
 * over {@code data/}, 2026-12-01).
 */
class ReadOnlyDataFolderTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseOpenedReadOnlyStopsTheStartSayingWhy() {
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("authpack") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
        try (ConfigurableApplicationContext app = start(url)) {
            assertThat(app.isRunning()).isTrue();
        }
        assertThatThrownBy(() -> start(url + ";ACCESS_MODE_DATA=r").close())
                .rootCause().hasMessageContaining("is open read-only")
                .hasMessageContaining("Make the data folder writable");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url);
    }
}
