package dev.authpack.packet;

import java.util.List;

/**
 * Everything the packet template shows, computed and formatted: the template only lays it out and
 * picks sentences from the bundle. Absent optional values are null (the template prints "not
 * documented"); dates are ISO, numbers plain.
 */
record PacketView(Meta meta, Person patient, Cover cover, Request request, List<CriterionRow> criteria,
                  Letter letter, History history, Severity severity, List<String> enclosures) {

    /** Kind of packet, and the policy it answers (stamped into the PDF's metadata). */
    /** {@code policySource}: where the policy's rules were read (its citation), printed on the request page. */
    record Meta(boolean exception, boolean reauthorization,
                boolean selfPay, String policyId, String policyVersion, String policyName, String generatedOn,
                String policySource) {
    }

    record Person(String name, String firstName, String lastName, String dateOfBirth, Integer age, String sex,
                  String memberId, String groupNumber) {
    }

    record Cover(String to, String from, String fromAddress, String phone, String fax, String date,
                 boolean expedited, String prescriberName, String prescriberNpi) {
    }

    /** {@code consultantName}, {@code consultantNpi}: the consulting psychiatrist, null unless both are given. */
    record Request(String treatment, String phase, String startDate, Integer sessions, List<LineRow> lines,
                   String icd10, String diagnosisDescription, String episodeStart, String payer, String planType,
                   String prescriberName, String prescriberNpi, String prescriberSpecialty, String prescriberPhone,
                   String prescriberFax, String consultantName, String consultantNpi, String facilityName, String facilityNpi, String facilityTin,
                   String facilityAddress, Boolean remsCertified, String approvalPeriod) {
    }

    record LineRow(String code, String description, Integer unitsPerSession, Integer totalUnits) {
    }

    record CriterionRow(String id, String label, String status, String detail, List<String> evidence) {
    }

    /**
     * The letter's facts; which sentences apply follows from the flags in {@link Meta}.
     * {@code trialsInEpisode}: how many of the {@code trialCount} monotherapy trials reach into the current
     * episode; null when the case gives no episode start. {@code psychosisRiskAttested}: the prescriber attests
     * that the benefit outweighs the risk of the patient's psychotic features (only when the case has both).
     * {@code augmentationAlongside}: {@code concurrentAntidepressant} is an augmentation agent, not an antidepressant.
     * {@code dose}: esketamine per session as the billing codes give it ("84 mg"), with {@code doseCode} the code it
     * was read from; both null when no code says it.
     */
    record Letter(String date, String payer, int trialCount, int classCount, Integer trialsInEpisode, String episodeMonths,
                  ScoreRow latest, ScoreRow baseline, Change improvement, List<CriterionRow> unmet,
                  boolean esketamine, int psychotherapyCourses, String indication, boolean suicidality,
                  String concurrentAntidepressant, boolean augmentationAlongside, Renewal renewal, boolean psychosisRiskAttested, String dose,
                  String doseCode) {
    }

    /**
     * The authorization a reauthorization renews and the sessions given under it (null when the case
     * was not started as a renewal); dates ISO, absent values null.
     */
    record Renewal(String authorizationNumber, String approvedFrom, String approvedTo, Integer approvedSessions,
                   int sessionsGiven) {
    }

    record History(List<TrialRow> trials, List<TrialRow> augmentation, List<TherapyRow> psychotherapy,
                   List<TimelineBar> timeline, String timelineStart, String timelineEnd, String timelineAlt) {
    }

    record TrialRow(String drug, String drugClass, String dose, String start, String end, String weeks,
                    String adherence, String outcome, Change improvement) {
    }

    /**
     * A change of a depression score in percent of where it started, as the packet words it: {@code percent} is its
     * size without a sign ("5"), {@code direction} "better" (the score fell), "same" or "worse" (it rose). A bare
     * "-5 %" under "Improvement" read as an improvement of 5 % when the minus was lost on a fax, or as the table's
     * "-" for a missing value.
     */
    record Change(String percent, String direction) {
    }

    record TherapyRow(String modality, String start, String end, String weeks, Integer sessions) {
    }

    /** One bar of the trial timeline: offsets and widths in percent of the timeline's span. */
    record TimelineBar(String label, String left, String width, String kind) {
    }

    record Severity(List<ScoreRow> scores, List<ChartBar> chart, String chartAlt) {
    }

    record ScoreRow(String instrument, Integer score, Integer max, String date) {
    }

    /** One bar of the score chart: its height in points (the chart is 100 pt tall: the score's percent of the instrument's maximum). */
    record ChartBar(String label, Integer score, String heightPt, String date) {
    }
}
