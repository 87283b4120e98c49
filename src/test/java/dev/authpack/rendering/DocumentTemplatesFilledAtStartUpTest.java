package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.authpack.AuthpackApplication;
import dev.authpack.content.TemplateException;
import dev.authpack.support.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A document-template expression naming no value ({@code ${vm.totals.totl}}, a method that does not exist) used
 * to start the service and then fail every document of its kind with a 500. Every kind is now filled from a
 * fictitious case at start-up, in the variants the templates branch on, and such a mistake stops start-up with
 * the short report naming the file, the expression and its line. Each test starts the application on its own
 * in-memory database and a copy of the shipped templates with one mistake in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocumentTemplatesFilledAtStartUpTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesStartAndEveryKindIsFilled(CapturedOutput output) throws IOException {
        Path templates = copyOfShippedTemplates();
        try (ConfigurableApplicationContext app = start(templates)) {
            assertThat(app.isRunning()).isTrue();
        }
        assertThat(output.getAll()).contains("Document templates filled for 4 fictitious packets")
                .contains("Document templates filled for 8 fictitious estimates")
                .contains("Document templates filled for 2 fictitious appeal letters");
    }

    @Test
    void aMisspeltValueInTheEstimateStopsStartUpWithTheShortReport(CapturedOutput output) throws IOException {
        Path templates = copyOfShippedTemplates();
        Path estimate = edit(templates, "estimate.html", "${vm.totals().balanceBilling()}", "${vm.totals.balanceBiling}");

        assertThat(refusal(templates)).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("File: " + estimate.toAbsolutePath().normalize())
                .contains("Problem: the expression ${vm.totals.balanceBiling} cannot be filled: there is no value "
                        + "'balanceBiling' there (it has: allowed, anyBalanceBilling, averagePerSession, balanceBilling, "
                        + "charges, patient, plan) (line ")
                .contains("Correct the file");
    }

    @Test
    void aMethodThatDoesNotExistInTheSelfPayEstimateOnlyStopsStartUp() throws IOException {
        Path templates = copyOfShippedTemplates();
        // the first of the summary's two branches is printed only on self-pay estimates
        Path estimate = edit(templates, "estimate.html", "#{estimate.summary.selfPay(${vm.service().sessions()}",
                "#{estimate.summary.selfPay(${vm.service().sessionCount()}");

        assertThat(refusal(templates)).hasMessageStartingWith(estimate.toAbsolutePath() + ": the expression ${vm.service().sessionCount()} "
                        + "cannot be filled: there is no method sessionCount() there (line ");
    }

    @Test
    void aMisspeltValueInAPacketSectionPrintedOnlyOnExceptionPacketsStopsStartUpNamingTheSectionsFile() throws IOException {
        Path templates = copyOfShippedTemplates();
        Path letter = edit(templates, "packet-letter.html", "#{packet.letter.exception(${vm.meta.policyName}",
                "#{packet.letter.exception(${vm.meta.policyNmae}");

        assertThat(refusal(templates)).hasMessageStartingWith(letter.toAbsolutePath() + ": the expression ${vm.meta.policyNmae} cannot be "
                        + "filled: there is no value 'policyNmae' there (it has: ")
                .hasMessageEndingWith("(line " + lineOf(letter, "${vm.meta.policyNmae}") + ")");
    }

    @Test
    void aMisspeltValueOfTheRenewalLetterStopsStartUp() throws IOException {
        Path templates = copyOfShippedTemplates();
        Path letter = edit(templates, "packet-letter.html", "${w.sessionsGiven}", "${w.sessionGiven}");

        assertThat(refusal(templates)).hasMessageStartingWith(letter.toAbsolutePath() + ": the expression ${w.sessionGiven} cannot be "
                        + "filled: there is no value 'sessionGiven' there");
    }

    @Test
    void aMisspeltValueInTheAppealLetterStopsStartUp() throws IOException {
        Path templates = copyOfShippedTemplates();
        Path appeal = edit(templates, "appeal.html", "${d.reason}", "${d.reasn}");

        assertThat(refusal(templates)).hasMessageStartingWith(appeal.toAbsolutePath() + ": the expression ${d.reasn} cannot be filled: "
                        + "there is no value 'reasn' there (it has: ")
                .hasMessageEndingWith("(line " + lineOf(appeal, "${d.reasn}") + ")");
    }

    private static ConfigurableApplicationContext start(Path templates) {
        return new SpringApplicationBuilder(AuthpackApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:fills-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--authpack.templates.dir=" + templates, "--authpack.generation.warm-up-packets=0");
    }

    /** The template problem that stopped the start (it fails the test when the start succeeds or fails otherwise). */
    private static TemplateException refusal(Path templates) {
        Throwable thrown = catchThrowable(() -> start(templates).close());
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TemplateException e) {
                return e;
            }
        }
        throw new AssertionError("start-up was not stopped by a template problem", thrown);
    }

    private static Path edit(Path templates, String name, String from, String to) throws IOException {
        Path file = templates.resolve("documents").resolve(name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    /** The 1-based line of the file where {@code text} first stands: the shipped template's layout may move it. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private Path copyOfShippedTemplates() throws IOException {
        return Folders.copy(Path.of("templates"), dir.resolve("templates"));
    }
}
