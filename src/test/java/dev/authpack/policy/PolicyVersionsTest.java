package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.content.YamlTemplates;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The version in force, as a table: versions in the order they were loaded (shipped files, then uploads as
 * stored), each {@code version@effectiveFrom} ({@code -} for none), and a date. Absent means from the beginning;
 * the latest effectiveFrom on or before the date wins; of versions with one effectiveFrom the later loaded wins.
 */
class PolicyVersionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        one undated version                         | a@-                                  | 2026-12-01 | a | a       | a | -
        undated upload after an undated file        | a@- b@-                              | 2026-12-01 | b | a b     | b | b -
        three undated: the last loaded              | a@- b@- c@-                          | 1900-01-01 | c | a b c   | c | c c -
        dated upload after an undated file          | a@- b@2027-01-01                     | 2026-12-31 | a | a b     | b | - -
        on its date                                 | a@- b@2027-01-01                     | 2027-01-01 | b | a b     | b | - -
        undated upload of a dated policy: before    | a@2025-10-01 b@-                     | 2025-09-30 | b | b a     | a | - -
        undated upload of a dated policy: after     | a@2025-10-01 b@-                     | 2025-10-01 | a | b a     | a | - -
        same date: the later loaded                 | a@2025-05-01 b@2025-10-01 c@2025-10-01 | 2025-10-02 | c | a b c | c | - c -
        same date: the date before keeps the older  | a@2025-05-01 b@2025-10-01 c@2025-10-01 | 2025-09-30 | a | a b c | c | - c -
        same date loaded before a later date        | a@2025-10-01 b@2026-01-01 c@2025-10-01 | 2025-12-31 | c | a c b | b | c - -
        before every version: the first             | a@2025-10-01 b@2025-10-01            | 2025-01-01 | a | a b     | b | b -
        """)
    void theVersionInForceIsTheLatestEffectiveFromOnOrBeforeTheDateAndOfOneDateTheLaterLoaded(
            String why, String loaded, LocalDate asOf, String inForce, String oldestFirst, String newest,
            String replacedBy) {
        List<Policy> inLoadOrder = new ArrayList<>();
        for (String v : loaded.split(" ")) {
            String[] parts = v.split("@");
            inLoadOrder.add(version(parts[0], parts[1].equals("-") ? null : LocalDate.parse(parts[1])));
        }

        List<Policy> sorted = PolicyVersions.oldestFirst(inLoadOrder);

        assertThat(PolicyVersions.inForce(sorted, asOf).version()).isEqualTo(inForce);
        assertThat(sorted).extracting(Policy::version).containsExactly(oldestFirst.split(" "));
        assertThat(sorted.get(sorted.size() - 1).version()).as("newest").isEqualTo(newest);
        assertThat(inLoadOrder).extracting(p -> PolicyVersions.replacedBy(sorted, p).map(Policy::version).orElse("-"))
                .as("replaced by").containsExactly(replacedBy.split(" "));
        // an upload being judged is loaded after every version stored
        Policy judged = inLoadOrder.get(inLoadOrder.size() - 1);
        assertThat(PolicyVersions.inForce(PolicyVersions.adding(PolicyVersions.oldestFirst(
                inLoadOrder.subList(0, inLoadOrder.size() - 1)), judged), asOf).version()).isEqualTo(inForce);
    }

    private static Policy version(String version, LocalDate effectiveFrom) {
        String yaml = "id: table-policy\nversion: \"" + version + "\"\n"
                + (effectiveFrom == null ? "" : "effectiveFrom: " + effectiveFrom + "\n")
                + "name: Table policy\nsource: test\ntreatments: [ESKETAMINE]\ncriteria: {}\n";
        return YamlTemplates.parse(Path.of("table.yaml"), yaml, Policy.class, "one policy").value();
    }
}
