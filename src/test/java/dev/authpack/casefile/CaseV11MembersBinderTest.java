package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.core.FieldProblem;
import dev.authpack.support.Samples;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The members contract v1.1 added bind strictly (enums, NPI, dates, unknown members) and write back unchanged. */
class CaseV11MembersBinderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CaseBinder binder = new CaseBinder(CaseBinder.Source.JSON);

    static ObjectNode withEveryNewMember() {
        ObjectNode tree = Samples.tree("06-qualchoice-antidepressant-too-recent");
        ObjectNode request = (ObjectNode) tree.get("request");
        request.put("indication", "MDSI").put("priorEsketamineImprovementPct", 62.5).put("psychotherapyUnavailable", true);
        ((ObjectNode) tree.get("prescriber")).putObject("consultingPsychiatrist")
                .put("name", "Rae Chen, MD").put("npi", "1245319599");
        ((ObjectNode) tree.get("diagnosis")).put("structuredInterview", true);
        ObjectNode s = (ObjectNode) tree.get("screening");
        s.put("psychosisRiskAttested", false).put("substanceUseTreated", true).put("abstinentSince", "2026-01-02")
                .put("acuteSuicidality", true).put("patientRemsEnrolled", true);
        s.putArray("concurrentTherapies").add("TMS").add("ECT");
        return tree;
    }

    @Test
    void bindsEveryNewMember() {
        CaseBinder.Result r = binder.bind(withEveryNewMember());

        assertThat(r.problems()).isEmpty();
        CaseData c = r.data();
        assertThat(c.request().indication()).isEqualTo(Indication.MDSI);
        assertThat(c.request().concurrentAntidepressant().drug()).isEqualTo("mirtazapine");
        assertThat(c.request().concurrentAntidepressant().startDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(c.request().priorEsketamineImprovementPct()).isEqualByComparingTo("62.5");
        assertThat(c.request().psychotherapyUnavailable()).isTrue();
        assertThat(c.prescriber().consultingPsychiatrist().named()).isTrue();
        assertThat(c.diagnosis().structuredInterview()).isTrue();
        assertThat(c.screening().concurrentTherapies()).containsExactly(ConcurrentTherapy.TMS, ConcurrentTherapy.ECT);
        assertThat(c.screening().abstinentSince()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(c.screening().ketamineHypersensitivity()).isFalse();
        assertThat(c.screening().patientRemsEnrolled()).isTrue();
    }

    @Test
    void writesTheNewMembersBackAsSent() {
        ObjectNode sent = withEveryNewMember();
        CaseData bound = binder.bind(sent).data();

        JsonNode written = JSON.readTree(JSON.writeValueAsString(bound));

        for (String path : List.of("/request/indication", "/request/concurrentAntidepressant",
                "/request/psychotherapyUnavailable", "/prescriber/consultingPsychiatrist", "/diagnosis/structuredInterview",
                "/screening/concurrentTherapies", "/screening/abstinentSince", "/screening/acuteSuicidality",
                "/screening/patientRemsEnrolled", "/screening/psychosisRiskAttested", "/screening/substanceUseTreated")) {
            assertThat(written.at(path).toString()).as(path).isEqualTo(sent.at(path).toString());
        }
        assertThat(written.at("/request/priorEsketamineImprovementPct").decimalValue()).isEqualByComparingTo("62.5");
    }

    @Test
    void oldCasesWriteNoNewMembers() {
        JsonNode written = JSON.readTree(JSON.writeValueAsString(binder.bind(Samples.tree("01-complete-esketamine")).data()));

        assertThat(written.at("/screening").has("concurrentTherapies")).isFalse();
        assertThat(written.at("/request/indication").isNull() || written.at("/request/indication").isMissingNode()).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource(delimiter = '|', value = {
        "request.indication                       | '\"trd\"'",
        "request.indication                       | '\"SUICIDALITY\"'",
        "request.priorEsketamineImprovementPct    | '101'",
        "request.priorEsketamineImprovementPct    | '\"a lot\"'",
        "request.psychotherapyUnavailable         | '\"yes\"'",
        "prescriber.consultingPsychiatrist.npi    | '\"1245319598\"'",
        "prescriber.consultingPsychiatrist.name   | LONG",
        "prescriber.consultingPsychiatrist.colour | '\"blue\"'",
        "diagnosis.structuredInterview            | '1'",
        "screening.abstinentSince                 | '\"2999-01-01\"'",
        "screening.abstinentSince                 | '\"2026-02-30\"'",
        "screening.concurrentTherapies            | '[\"ECT\", \"rTMS\"]'",
        "screening.concurrentTherapies            | '[null]'",
        "screening.concurrentTherapies            | '\"ECT\"'",
        "screening.ketamineHypersensitivity       | '\"no\"'",
        "request.concurrentAntidepressant.startDate | '\"2999-01-01\"'",
        "request.concurrentAntidepressant.drugClass | '\"SSRIS\"'",
        "request.concurrentAntidepressant.dailyDoseMg | '-5'",
        "request.concurrentAntidepressant.notAMember  | '1'",
    })
    void rejectsMalformedNewMembers(String path, String json) {
        if (path.endsWith("consultingPsychiatrist.name")) {
            json = "\"" + "x".repeat(201) + "\"";
        }
        ObjectNode tree = withEveryNewMember();
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], JSON.readTree(json));

        List<String> fields = problems(tree).stream().map(FieldProblem::field).toList();

        assertThat(fields).as(path).isNotEmpty();
        assertThat(fields).as(path).allMatch(f -> f.startsWith(path));
    }

    @Test
    void concurrentAntidepressantNeedsItsDrug() {
        ObjectNode tree = withEveryNewMember();
        ((ObjectNode) tree.at("/request/concurrentAntidepressant")).remove("drug");

        assertThat(problems(tree)).extracting(FieldProblem::field).containsExactly("request.concurrentAntidepressant.drug");
    }

    @Test
    void formSendsTherapiesAsOneText() {
        ObjectNode tree = withEveryNewMember();
        ((ObjectNode) tree.get("screening")).put("concurrentTherapies", "VNS,DBS");

        CaseBinder.Result r = new CaseBinder(CaseBinder.Source.FORM).bind(tree);

        assertThat(r.data().screening().concurrentTherapies()).containsExactly(ConcurrentTherapy.VNS, ConcurrentTherapy.DBS);
    }

    /** Shape and value rules together, as the API applies them (Bean Validation on the bound records). */
    private List<FieldProblem> problems(ObjectNode tree) {
        CaseBinder.Result r = binder.bind(tree);
        if (!r.problems().isEmpty()) {
            return r.problems();
        }
        try (var factory = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(r.data()).stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        }
    }
}
