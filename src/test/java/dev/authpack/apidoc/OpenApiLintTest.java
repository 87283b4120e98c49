package dev.authpack.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.OpenApiContract;
import dev.authpack.support.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.json passes an independent linter, Redocly CLI (its recommended rules, see
 * tools/openapi-lint/redocly.yaml), with no error. The linter's version is pinned in
 * tools/openapi-lint/package-lock.json; .ci/run installs it, and this test installs it with
 * {@code npm ci} when it is missing. Without npm on the machine the test is skipped, saying so.
 */
class OpenApiLintTest {

    static final Path TOOL = Path.of("tools", "openapi-lint");

    @Test
    void theDescriptionPassesRedoclyLintWithoutErrors() throws Exception {
        Prerequisites.need(onPath("npm") && onPath("node"),
                () -> "npm/node not installed: the OpenAPI linter (Redocly CLI) did not run; .ci/run installs them");
        Path redocly = TOOL.resolve("node_modules/@redocly/cli/bin/cli.js");
        if (!Files.exists(redocly)) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), TOOL.toFile(), 600);
            assertThat(install.exit()).as("npm ci in %s:\n%s", TOOL, install.output()).isZero();
        }

        Result lint = run(List.of("node", redocly.toString(), "lint", OpenApiContract.FILE.toString(),
                "--config", TOOL.resolve("redocly.yaml").toString(), "--format", "stylish"), new File("."), 300);

        assertThat(lint.exit()).as("redocly lint %s:\n%s", OpenApiContract.FILE, lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, File dir, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
        // No telemetry or update checks leave the machine: only the package registry is reachable.
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Path log = Files.createTempFile("redocly", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(p.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
