package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The published conformance cases ({@code shared/conformance/cases.json}, copied to test resources)
 * get the criteria statuses, missing fields and completeness they expect, checked the way the
 * black-box suite compares reports ({@code "MET|NOT_MET"} allows either).
 */
class ConformanceCasesTest {

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = ConformanceCasesTest.class.getResourceAsStream("/samples/conformance-cases.json")) {
            List<JsonNode> all = new ArrayList<>();
            CaseBuilder.MAPPER.readTree(in).forEach(all::add);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void publishedCaseGetsItsExpectedReport(JsonNode c) {
        JsonNode expect = c.get("expect");
        CompletenessReport report = TestCatalogs.evaluate(CaseBuilder.of(c.get("case")));
        String name = c.get("name").asString();

        assertThat(report.complete()).as(name).isEqualTo(expect.get("complete").asBoolean());
        List<String> missing = new ArrayList<>();
        expect.get("missing").forEach(m -> missing.add(m.asString()));
        assertThat(report.missing()).as(name).containsExactlyInAnyOrderElementsOf(missing);
        Map<String, String> got = new LinkedHashMap<>();
        report.criteria().forEach(r -> got.put(r.id().name(), r.status().name()));
        expect.get("criteria").properties().forEach(e ->
                assertThat(List.of(e.getValue().asString().split("\\|"))).as(name + " " + e.getKey())
                        .contains(got.getOrDefault(e.getKey(), "ABSENT")));
        if (expect.has("absent")) {
            expect.get("absent").forEach(id -> assertThat(got).as(name).doesNotContainKey(id.asString()));
        }
        assertThat(report.policy() == null ? null : report.policy().id()).as(name)
                .isEqualTo(c.get("case").path("policyId").asString(null));
    }
}
