package dev.authpack.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseReading;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Metamorphic properties of the rules, over every worked example of every policy version (and random drafts
 * made from them): no expected answers, only relations between the verdicts of two related cases.
 * <ul>
 * <li>The order in which a clerk typed rows (trials, scores, psychotherapy, charge lines) never changes a
 * verdict: rules pick the latest score or the longest trial by their dates, not by where they were typed.</li>
 * <li>Names and identifiers that no rule reads (patient, prescriber and facility names, member and group
 * numbers) never change a verdict.</li>
 * <li>Moving every date of a case (birth, episode, rows, screening, the start date it is judged on) by the
 * same number of days never changes a verdict: windows are counted from the case's own dates, not the
 * calendar (shifts of 1, 30, 365 and 1,200 days, across month ends and leap days).</li>
 * <li>Stronger evidence never turns a met criterion into an unmet one: better adherence, a smaller
 * improvement on a failed trial, more psychotherapy sessions, the same trial entered twice.</li>
 * </ul>
 * Seeded, so a failure repeats; each failure names the policy, the example and the change.
 */
class MetamorphicRulesTest {

    private static final CompletenessEvaluator EVALUATOR = TestCatalogs.EVALUATOR;
    private static final List<String> ROWS = List.of("medicationTrials", "assessments", "psychotherapy");

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (Policy latest : TestCatalogs.POLICIES.all()) {
            for (Policy version : TestCatalogs.POLICIES.versions(latest.id())) {
                for (PolicyExample example : version.examples()) {
                    JsonNode tree = PolicyExamples.merge(version.exampleCase().deepCopy(), example.caseEdits());
                    all.add(Arguments.of(version.id() + " " + version.version() + ": " + example.name(), version, tree));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theOrderOfTypedRowsNeverChangesAVerdict(String name, Policy policy, JsonNode example) {
        Random random = new Random(name.hashCode());
        for (JsonNode base : drafts(example, random)) {
            Map<String, String> before = verdicts(base, policy);
            for (int i = 0; i < 6; i++) {
                ObjectNode shuffled = (ObjectNode) base.deepCopy();
                for (String rows : ROWS) {
                    shuffle(shuffled.get(rows), random);
                }
                shuffle(shuffled.path("request").get("lines"), random);
                assertThat(verdicts(shuffled, policy)).as(name + ", rows reordered:\n" + shuffled).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void namesAndNumbersNoRuleReadsNeverChangeAVerdict(String name, Policy policy, JsonNode example) {
        Random random = new Random(name.hashCode());
        for (JsonNode base : drafts(example, random)) {
            ObjectNode renamed = (ObjectNode) base.deepCopy();
            set(renamed, "patient", "firstName", "Zoë");
            set(renamed, "patient", "lastName", "O'Brien-Núñez");
            set(renamed, "patient", "memberId", "ZZ9999999999");
            set(renamed, "patient", "groupNumber", "GRP-0001");
            set(renamed, "prescriber", "name", "Sam Lee, DO");
            set(renamed, "facility", "name", "Another Clinic");
            set(renamed, "coverage", "payerName", "Another payer");

            assertThat(verdicts(renamed, policy)).as(name + ", names changed").isEqualTo(verdicts(base, policy));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void strongerEvidenceNeverTurnsAMetCriterionUnmet(String name, Policy policy, JsonNode example) {
        Map<String, BiConsumer<ObjectNode, Random>> stronger = new LinkedHashMap<>();
        stronger.put("adherence raised", (c, r) -> eachRow(c, "medicationTrials", t -> raise(t, "adherencePct", 10, 100)));
        stronger.put("improvement lowered on failed trials", (c, r) -> eachRow(c, "medicationTrials", t -> {
            if (!"RESPONSE".equals(t.path("outcome").asString(""))) {
                raise(t, "improvementPct", -10, 0);
            }
        }));
        stronger.put("more psychotherapy sessions", (c, r) -> eachRow(c, "psychotherapy", p -> raise(p, "sessions", 4, 10_000)));
        stronger.put("a trial entered twice", (c, r) -> {
            if (c.get("medicationTrials") instanceof ArrayNode trials && !trials.isEmpty()) {
                trials.add(trials.get(r.nextInt(trials.size())).deepCopy());
            }
        });
        Random random = new Random(name.hashCode());
        for (JsonNode base : drafts(example, random)) {
            Map<String, String> before = verdicts(base, policy);
            stronger.forEach((change, apply) -> {
                ObjectNode after = (ObjectNode) base.deepCopy();
                apply.accept(after, random);
                Map<String, String> now = verdicts(after, policy);
                before.forEach((criterion, status) -> {
                    if (status.equals("MET") && !criterion.equals("complete")) {
                        assertThat(now.get(criterion)).as(name + ", " + change + ": " + criterion + "\n" + after)
                                .isEqualTo("MET");
                    }
                });
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void movingEveryDateByTheSameNumberOfDaysNeverChangesAVerdict(String name, Policy policy, JsonNode example) {
        Random random = new Random(name.hashCode());
        for (JsonNode base : drafts(example, random)) {
            for (int days : new int[] {1, 30, 365, 1200}) {
                JsonNode shifted = shiftDates(base.deepCopy(), days);
                assertThat(shifted.toString()).isNotEqualTo(base.toString());
                assertThat(verdicts(shifted, policy)).as(name + ", shifted " + days).isEqualTo(verdicts(base, policy));
            }
        }
    }

    private static JsonNode shiftDates(JsonNode node, int days) {
        if (node instanceof ObjectNode o) {
            for (String member : new ArrayList<>(o.propertyNames())) {
                JsonNode v = o.get(member);
                if (v.isString() && v.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    o.put(member, java.time.LocalDate.parse(v.asString()).plusDays(days).toString());
                } else {
                    shiftDates(v, days);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(x -> shiftDates(x, days));
        }
        return node;
    }

    /**
     * The example itself, the example with rows beside its own that do not qualify (an old low score, a trial
     * that worked, a trial of a week, a trial at 1 mg, a short course of therapy: what a full chart holds), and
     * a few drafts with one value of a row removed, as clerks leave them.
     */
    private static List<JsonNode> drafts(JsonNode example, Random random) {
        List<JsonNode> drafts = new ArrayList<>(List.of(example, withOtherRows(example)));
        String[] fields = {"endDate", "startDate", "dailyDoseMg", "adherencePct", "improvementPct", "outcome", "drugClass",
            "role", "date", "score", "sessions"};
        for (int i = 0; i < 3; i++) {
            ObjectNode draft = (ObjectNode) example.deepCopy();
            String rows = ROWS.get(random.nextInt(ROWS.size()));
            if (draft.get(rows) instanceof ArrayNode array && !array.isEmpty()
                    && array.get(random.nextInt(array.size())) instanceof ObjectNode row) {
                row.remove(fields[random.nextInt(fields.length)]);
                drafts.add(draft);
            }
        }
        return drafts;
    }

    private static JsonNode withOtherRows(JsonNode example) {
        ObjectNode chart = (ObjectNode) example.deepCopy();
        if (chart.get("assessments") instanceof ArrayNode scores && scores.get(0) instanceof ObjectNode first
                && first.hasNonNull("date")) {
            ObjectNode old = first.deepCopy();
            old.put("score", 3);
            old.put("date", java.time.LocalDate.parse(first.get("date").asString()).minusDays(400).toString());
            scores.add(old);
        }
        if (chart.get("medicationTrials") instanceof ArrayNode trials && trials.get(0) instanceof ObjectNode first
                && first.hasNonNull("startDate")) {
            ObjectNode worked = first.deepCopy();
            worked.put("outcome", "RESPONSE");
            worked.put("improvementPct", 70);
            ObjectNode week = first.deepCopy();
            week.put("endDate", java.time.LocalDate.parse(first.get("startDate").asString()).plusDays(7).toString());
            ObjectNode tiny = first.deepCopy();
            tiny.put("dailyDoseMg", 1);
            trials.add(worked);
            trials.add(week);
            trials.add(tiny);
        }
        if (chart.get("psychotherapy") instanceof ArrayNode courses && courses.get(0) instanceof ObjectNode first) {
            ObjectNode brief = first.deepCopy();
            brief.put("sessions", 1);
            courses.add(brief);
        }
        return chart;
    }

    /** Every criterion's status (ABSENT when left out) and whether the case is complete. */
    private static Map<String, String> verdicts(JsonNode tree, Policy policy) {
        CaseData data = CaseReading.bind(tree);
        CompletenessReport report = EVALUATOR.evaluate(data, policy,
                data.request().startDate() != null ? data.request().startDate() : TestCatalogs.TODAY);
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (CriterionId id : CriterionId.values()) {
            verdicts.put(id.name(), TestCatalogs.status(report, id));
        }
        verdicts.put("complete", String.valueOf(report.complete()));
        return verdicts;
    }

    private static void shuffle(JsonNode node, Random random) {
        if (node instanceof ArrayNode array && array.size() > 1) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            Collections.shuffle(items, random);
            array.removeAll();
            items.forEach(array::add);
        }
    }

    private static void set(ObjectNode tree, String object, String member, String value) {
        if (tree.get(object) instanceof ObjectNode o && o.has(member)) {
            o.put(member, value);
        }
    }

    private static void eachRow(ObjectNode tree, String rows, java.util.function.Consumer<ObjectNode> change) {
        if (tree.get(rows) instanceof ArrayNode array) {
            array.forEach(row -> {
                if (row instanceof ObjectNode o) {
                    change.accept(o);
                }
            });
        }
    }

    /** Moves a number by {@code step} towards {@code bound}, not past it; absent stays absent. */
    private static void raise(ObjectNode row, String member, int step, int bound) {
        if (row.get(member) != null && row.get(member).isNumber()) {
            int value = row.get(member).asInt();
            row.put(member, step > 0 ? Math.min(bound, value + step) : Math.max(bound, value + step));
        }
    }
}
