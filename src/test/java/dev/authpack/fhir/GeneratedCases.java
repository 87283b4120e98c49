package dev.authpack.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Varied synthetic cases in the contract's JSON from a seed: drafts with members missing as well as
 * complete ones, every enum value, decimals, negative improvements, optional sections absent, the
 * v1.1 members absent, false or true. No real data. Dates lie in the past where the contract says so.
 */
final class GeneratedCases {

    private static final String[] FIRST = {"Dana", "Mary Ann", "Tomás", "Aiko", "Priya", "Seán"};
    private static final String[] LAST = {"Reyes", "O'Brien", "Schäfer", "Nguyen-Tran", "Kowalczyk"};
    private static final String[] POLICIES = {"esketamine-standard", "esketamine-augmented", "ketamine-iv-strict", "self-pay"};
    private static final String[] SEX = {"female", "male", "other", "unknown"};
    private static final String[] PLANS = {"COMMERCIAL", "MEDICARE", "MEDICAID", "SELF_PAY"};
    private static final String[] SPECIALTIES = {"PSYCHIATRY", "PSYCHIATRIC_NP", "PRIMARY_CARE", "OTHER"};
    private static final String[] ICD = {"F33.2", "F32.2", "F33.1", "F32.1", "F33.3"};
    private static final String[][] INSTRUMENTS = {{"PHQ9", "27"}, {"MADRS", "60"}, {"HAMD17", "52"}, {"QIDS_C16", "27"}, {"BDI2", "63"}};
    private static final String[] DRUGS = {"sertraline", "venlafaxine", "bupropion", "aripiprazole", "lithium", "Drug X-17"};
    private static final String[] CLASSES = {"SSRI", "SNRI", "BUPROPION", "ATYPICAL_ANTIPSYCHOTIC", "LITHIUM", "OTHER_ANTIDEPRESSANT"};
    private static final String[] OUTCOMES = {"INADEQUATE_RESPONSE", "PARTIAL_RESPONSE", "INTOLERANCE", "RESPONSE"};
    private static final String[] CODES = {"G2082", "G2083", "J0013", "96365", "90792"};
    private static final String[] THERAPIES = {"ECT", "TMS", "VNS", "DBS", "KETAMINE"};
    private static final LocalDate PAST = LocalDate.of(2025, 10, 1);

    private GeneratedCases() {
    }

    static ObjectNode of(long seed) {
        Random r = new Random(seed);
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        maybe(r, () -> c.put("policyId", pick(r, POLICIES)));
        ObjectNode p = c.putObject("patient");
        p.put("firstName", pick(r, FIRST));
        p.put("lastName", pick(r, LAST));
        maybe(r, () -> p.put("dateOfBirth", PAST.minusDays(7000 + r.nextInt(20000)).toString()));
        maybe(r, () -> p.put("sex", pick(r, SEX)));
        maybe(r, () -> p.put("memberId", "M" + (100000 + r.nextInt(899999))));
        maybe(r, () -> p.put("groupNumber", "GRP-" + r.nextInt(9999)));
        ObjectNode cov = c.putObject("coverage");
        maybe(r, () -> cov.put("payerName", "Plan " + r.nextInt(50)));
        maybe(r, () -> cov.put("planType", pick(r, PLANS)));
        maybe(r, () -> cov.put("inNetwork", r.nextBoolean()));
        maybe(r, () -> cov.put("deductibleRemaining", money(r)));
        maybe(r, () -> cov.put("coinsurancePct", r.nextInt(101)));
        maybe(r, () -> cov.put("copayPerSession", money(r)));
        maybe(r, () -> cov.put("oopRemaining", money(r)));
        ObjectNode pr = c.putObject("prescriber");
        maybe(r, () -> pr.put("name", "Alex Morgan, MD"));
        maybe(r, () -> pr.put("npi", "1234567893"));
        maybe(r, () -> pr.put("specialty", pick(r, SPECIALTIES)));
        maybe(r, () -> pr.put("phone", "555-0100"));
        maybe(r, () -> pr.put("fax", "555-0101"));
        ObjectNode f = c.putObject("facility");
        maybe(r, () -> f.put("name", "North Clinic"));
        maybe(r, () -> f.put("npi", "1245319599"));
        maybe(r, () -> f.put("tin", r.nextBoolean() ? "12-3456789" : "123456789"));
        maybe(r, () -> f.put("address", "1 Main St, Springfield, MA 01101"));
        maybe(r, () -> f.put("remsCertified", r.nextBoolean()));
        ObjectNode d = c.putObject("diagnosis");
        maybe(r, () -> d.put("icd10", pick(r, ICD)));
        maybe(r, () -> d.put("episodeStart", PAST.minusDays(r.nextInt(900)).toString()));
        ArrayNode scores = c.putArray("assessments");
        for (int i = r.nextInt(4); i > 0; i--) {
            String[] in = INSTRUMENTS[r.nextInt(INSTRUMENTS.length)];
            scores.addObject().put("instrument", in[0]).put("score", r.nextInt(Integer.parseInt(in[1]) + 1))
                    .put("date", PAST.minusDays(r.nextInt(400)).toString());
        }
        ArrayNode trials = c.putArray("medicationTrials");
        for (int i = r.nextInt(5); i > 0; i--) {
            ObjectNode t = trials.addObject().put("drug", pick(r, DRUGS));
            maybe(r, () -> t.put("drugClass", pick(r, CLASSES)));
            maybe(r, () -> t.put("role", r.nextBoolean() ? "MONOTHERAPY" : "AUGMENTATION"));
            maybe(r, () -> t.put("dailyDoseMg", new BigDecimal(r.nextInt(3000)).movePointLeft(r.nextInt(2))));
            LocalDate start = PAST.minusDays(60 + r.nextInt(900));
            maybe(r, () -> t.put("startDate", start.toString()));
            maybe(r, () -> t.put("endDate", start.plusDays(r.nextInt(60)).toString()));
            maybe(r, () -> t.put("outcome", pick(r, OUTCOMES)));
            maybe(r, () -> t.put("improvementPct", new BigDecimal(r.nextInt(2001) - 1000).movePointLeft(1)));
            maybe(r, () -> t.put("adherencePct", r.nextInt(101)));
        }
        ArrayNode therapy = c.putArray("psychotherapy");
        for (int i = r.nextInt(3); i > 0; i--) {
            ObjectNode t = therapy.addObject().put("modality", r.nextBoolean() ? "CBT" : "Interpersonal therapy");
            LocalDate start = PAST.minusDays(100 + r.nextInt(500));
            maybe(r, () -> t.put("startDate", start.toString()));
            maybe(r, () -> t.put("endDate", start.plusDays(r.nextInt(90)).toString()));
            maybe(r, () -> t.put("sessions", r.nextInt(40)));
        }
        if (r.nextBoolean()) {
            ObjectNode s = c.putObject("screening");
            maybe(r, () -> s.put("systolic", 100 + r.nextInt(60)));
            maybe(r, () -> s.put("diastolic", 60 + r.nextInt(40)));
            maybe(r, () -> s.put("measuredOn", PAST.minusDays(r.nextInt(60)).toString()));
            maybe(r, () -> s.put("substanceUse", pick(r, new String[] {"NONE", "IN_REMISSION", "ACTIVE"})));
            maybe(r, () -> s.put("psychoticFeatures", r.nextBoolean()));
            maybe(r, () -> s.put("vascularContraindication", r.nextBoolean()));
            maybe(r, () -> s.put("pregnant", r.nextBoolean()));
            maybe(r, () -> s.put("pdmpCheckedOn", PAST.minusDays(r.nextInt(60)).toString()));
        }
        ObjectNode q = c.putObject("request");
        maybe(r, () -> q.put("treatment", r.nextBoolean() ? "ESKETAMINE" : "KETAMINE_IV"));
        maybe(r, () -> q.put("phase", r.nextBoolean() ? "INITIAL" : "REAUTHORIZATION"));
        maybe(r, () -> q.put("startDate", PAST.plusDays(r.nextInt(400)).toString()));
        maybe(r, () -> q.put("sessions", 1 + r.nextInt(60)));
        maybe(r, () -> q.put("urgent", r.nextBoolean()));
        ArrayNode lines = q.putArray("lines");
        for (int i = r.nextInt(4); i > 0; i--) {
            ObjectNode l = lines.addObject().put("code", pick(r, CODES));
            maybe(r, () -> l.put("description", "Service line " + r.nextInt(9)));
            maybe(r, () -> l.put("unitsPerSession", 1 + r.nextInt(3)));
            maybe(r, () -> l.put("chargePerUnit", money(r)));
            maybe(r, () -> l.put("allowedPerUnit", money(r)));
        }
        // adjacent seeds start java.util.Random on nearly the same first draw; the odd multiplier spreads them
        v11Members(new Random(seed * 0x9E3779B97F4A7C15L), c);
        return c;
    }

    /**
     * The members contract v1.1 added, from a Random of their own: each seed's older members stay what
     * they were before these existed. Therapies are a random selection in random order (order is kept).
     */
    private static void v11Members(Random r, ObjectNode c) {
        ObjectNode d = (ObjectNode) c.get("diagnosis");
        maybe(r, () -> d.put("structuredInterview", r.nextBoolean()));
        ObjectNode pr = (ObjectNode) c.get("prescriber");
        maybe(r, () -> {
            ObjectNode consultant = pr.putObject("consultingPsychiatrist");
            maybe(r, () -> consultant.put("name", "Robin Lee, MD"));
            maybe(r, () -> consultant.put("npi", "1987654328"));
        });
        ObjectNode q = (ObjectNode) c.get("request");
        maybe(r, () -> q.put("indication", r.nextBoolean() ? "TRD" : "MDSI"));
        maybe(r, () -> {
            ObjectNode a = q.putObject("concurrentAntidepressant").put("drug", pick(r, DRUGS));
            maybe(r, () -> a.put("drugClass", pick(r, CLASSES)));
            maybe(r, () -> a.put("dailyDoseMg", new BigDecimal(r.nextInt(3000)).movePointLeft(r.nextInt(2))));
            maybe(r, () -> a.put("startDate", PAST.minusDays(r.nextInt(120)).toString()));
        });
        maybe(r, () -> q.put("priorEsketamineImprovementPct", new BigDecimal(r.nextInt(2001) - 1000).movePointLeft(1)));
        maybe(r, () -> q.put("psychotherapyUnavailable", r.nextBoolean()));
        if (r.nextBoolean()) {
            ObjectNode s = c.has("screening") ? (ObjectNode) c.get("screening") : c.putObject("screening");
            maybe(r, () -> s.put("psychosisRiskAttested", r.nextBoolean()));
            maybe(r, () -> s.put("substanceUseTreated", r.nextBoolean()));
            maybe(r, () -> s.put("abstinentSince", PAST.minusDays(r.nextInt(700)).toString()));
            maybe(r, () -> s.put("ketamineHypersensitivity", r.nextBoolean()));
            maybe(r, () -> {
                List<String> therapies = new ArrayList<>(List.of(THERAPIES));
                Collections.shuffle(therapies, r);
                ArrayNode chosen = s.putArray("concurrentTherapies");
                therapies.subList(0, 1 + r.nextInt(therapies.size())).forEach(chosen::add);
            });
            maybe(r, () -> s.put("acuteSuicidality", r.nextBoolean()));
            maybe(r, () -> s.put("patientRemsEnrolled", r.nextBoolean()));
        }
    }

    private static void maybe(Random r, Runnable set) {
        if (r.nextInt(4) != 0) {
            set.run();
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static BigDecimal money(Random r) {
        return new BigDecimal(r.nextInt(500000)).movePointLeft(2);
    }
}
