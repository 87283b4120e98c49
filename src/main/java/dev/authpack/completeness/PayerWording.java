package dev.authpack.completeness;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A report's sentence as a payer's reviewer reads it in the packet and the appeal. The report
 * names some case fields by the contract's JSON path, which the clerk uses to find the field
 * (the API keeps it); a reviewer has never seen the case format, so the printed sentence says it
 * in words. Every field name a check writes into a sentence is reworded here, and only here.
 */
final class PayerWording {

    /** How ContraindicationsCheck lists the screening answers it lacks, by their field names. */
    static final String SCREENING_LACKS = "screening lacks ";

    private static final String PATH = "(?:patient|coverage|prescriber|facility|diagnosis|screening|request"
            + "|medicationTrials|assessments|psychotherapy)(?:\\[\\d+]|\\.[A-Za-z]+)+"; // a member or an index: "(screening)" is a word

    /** "no episode start date (diagnosis.episodeStart)": the path says where it is not recorded. */
    private static final Pattern ABSENT_AT_PATH = Pattern.compile("\\b(no [a-z][a-z -]*?) \\(" + PATH + "\\)");

    private static final Pattern AT_PATH = Pattern.compile(" ?\\(" + PATH + "\\)");

    private static final Pattern LACKS = Pattern.compile(Pattern.quote(SCREENING_LACKS) + "([A-Za-z]+(?:, [A-Za-z]+)*)");

    /** The screening answers, as the form's labels name them. */
    private static final Map<String, String> SCREENING = Map.of(
            "psychoticFeatures", "psychotic features",
            "substanceUse", "substance use",
            "vascularContraindication", "vascular contraindication",
            "pregnant", "pregnancy",
            "systolic", "systolic blood pressure",
            "diastolic", "diastolic blood pressure",
            "measuredOn", "the date of the blood-pressure reading",
            "abstinentSince", "the date abstinence began");

    private PayerWording() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        String out = ABSENT_AT_PATH.matcher(text).replaceAll("$1 recorded");
        out = AT_PATH.matcher(out).replaceAll("");
        Matcher lacks = LACKS.matcher(out);
        return lacks.replaceAll(m -> Matcher.quoteReplacement("the screening does not record "
                + Arrays.stream(m.group(1).split(", ")).map(f -> SCREENING.getOrDefault(f, f))
                .collect(Collectors.joining(", "))));
    }
}
