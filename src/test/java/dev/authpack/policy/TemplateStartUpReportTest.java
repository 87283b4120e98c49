package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authpack.content.TemplatesProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.TestSocketUtils;

/**
 * An administrator who broke a file under templates/ reads why the service did not start in the
 * log: the short "APPLICATION FAILED TO START" report naming the file, the key and the line, not a
 * hundred lines of bean-creation stack traces with the one useful sentence at the bottom.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemplateStartUpReportTest {

    /** The drug catalog bean, started from the templates setting the way the application starts it. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TemplatesProperties.class)
    static class Content {
        @Bean
        DrugCatalog drugs(TemplatesProperties templates) {
            return new DrugCatalog(templates);
        }
    }

    @TempDir
    Path dir;

    @Test
    void aBrokenCatalogStopsStartUpWithAShortReportNamingFileKeyAndLine(CapturedOutput output) throws IOException {
        Path templates = brokenCopy();
        SpringApplication app = new SpringApplication(Content.class);
        app.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--authpack.templates.dir=" + templates,
                "--server.port=" + TestSocketUtils.findAvailableTcpPort())).isNotNull();

        String log = output.getAll();
        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("File: " + templates.resolve("drugs/catalog.yaml").toAbsolutePath().normalize())
                .contains("Problem: at drugs[0].minDailyDoseMg: ")
                .contains("(line 3)")
                .contains("Correct the file");
        assertThat(log).doesNotContain("Caused by:").doesNotContain("\tat org.springframework");
    }

    /** A drug catalog whose dose has a unit, as an admin would type it. */
    private Path brokenCopy() throws IOException {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("drugs"));
        Files.writeString(templates.resolve("drugs/catalog.yaml"), """
                version: "2026.2"
                drugs:
                  - {name: sertraline, drugClass: SSRI, minDailyDoseMg: 50 mg}
                """);
        return templates;
    }
}
