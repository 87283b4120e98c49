package dev.authpack.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/launch/prepare.sh empties its target folder before unpacking: it must refuse a folder it did
 * not make (docs/deploy.md: pointed at /srv/authpack it would have deleted the templates), and still
 * refill its own earlier output. A jar that does not exist stops the script right after that check,
 * so this costs no training start (ProductionLaunchIT prepares a real jar).
 */
class PrepareScriptTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFolderItDidNotMakeAndLeavesItsFilesAlone() throws Exception {
        Path srv = dir.resolve("srv-authpack");
        Files.createDirectories(srv.resolve("templates"));
        Files.writeString(srv.resolve("templates/policy.yaml"), "id: kept");

        Result result = prepare(srv);

        assertThat(result.exit()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("refusing to empty " + srv).contains("not made by prepare.sh");
        assertThat(srv.resolve("templates/policy.yaml")).hasContent("id: kept");
    }

    @Test
    void refillsItsOwnEarlierOutputAndANewFolder() throws Exception {
        Path fresh = dir.resolve("app");
        Result first = prepare(fresh);
        assertThat(first.output()).doesNotContain("refusing");
        assertThat(fresh.resolve(".authpack-prepared")).exists();

        Files.writeString(fresh.resolve("old-authpack.jar"), "from the previous release");
        Result again = prepare(fresh);
        assertThat(again.output()).doesNotContain("refusing");
        assertThat(fresh.resolve("old-authpack.jar")).doesNotExist();
        assertThat(fresh.resolve(".authpack-prepared")).exists();
    }

    private record Result(int exit, String output) {
    }

    private Result prepare(Path target) throws Exception {
        Path log = dir.resolve("prepare.log");
        Process p = new ProcessBuilder("bash", "tools/launch/prepare.sh", dir.resolve("missing.jar").toString(),
                target.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
