package dev.authpack.casefile;

import dev.authpack.core.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds that keep one case's work small: at most {@code authpack.cases.max-lines} billing lines
 * (each is priced for every session and printed on the estimate), {@code authpack.cases.max-trials}
 * medication trials (each is judged by every trial rule and printed in the packet),
 * {@code authpack.cases.max-assessments} scores and {@code authpack.cases.max-psychotherapy} courses
 * (each printed in the packet and a row of the edit form); a 5,000-line case took 8.7 s to estimate,
 * and a case of 15,000 scores (797 KB, under the body limit) ran the packet out of memory. A birth
 * date before 1900 is no real patient's and only feeds extreme years to the date arithmetic.
 */
@ConfigurationProperties("authpack.cases")
record CaseLimits(@DefaultValue("50") int maxLines, @DefaultValue("50") int maxTrials,
                  @DefaultValue("200") int maxAssessments, @DefaultValue("50") int maxPsychotherapy) {

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    CaseLimits {
        if (maxLines < 1 || maxTrials < 1 || maxAssessments < 1 || maxPsychotherapy < 1) {
            throw new IllegalArgumentException("authpack.cases.max-lines, max-trials, max-assessments and "
                    + "max-psychotherapy must be at least 1");
        }
    }

    List<FieldProblem> problems(CaseData c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.request().lines().size() > maxLines) {
            problems.add(new FieldProblem("request.lines", "has " + c.request().lines().size()
                    + " lines; a case may have at most " + maxLines + " (setting authpack.cases.max-lines)"));
        }
        if (c.medicationTrials().size() > maxTrials) {
            problems.add(new FieldProblem("medicationTrials", "has " + c.medicationTrials().size()
                    + " trials; a case may have at most " + maxTrials + " (setting authpack.cases.max-trials)"));
        }
        if (c.assessments().size() > maxAssessments) {
            problems.add(new FieldProblem("assessments", "has " + c.assessments().size()
                    + " scores; a case may have at most " + maxAssessments + " (setting authpack.cases.max-assessments)"));
        }
        if (c.psychotherapy().size() > maxPsychotherapy) {
            problems.add(new FieldProblem("psychotherapy", "has " + c.psychotherapy().size() + " courses; a case may "
                    + "have at most " + maxPsychotherapy + " (setting authpack.cases.max-psychotherapy)"));
        }
        List<ConcurrentTherapy> therapies = c.screening() == null ? List.of() : c.screening().concurrentTherapies();
        if (therapies.size() > ConcurrentTherapy.values().length) {
            problems.add(new FieldProblem("screening.concurrentTherapies", "has " + therapies.size()
                    + " entries; there are " + ConcurrentTherapy.values().length + " therapies, each named once"));
        }
        LocalDate born = c.patient().dateOfBirth();
        if (born != null && born.isBefore(EARLIEST_BIRTH)) {
            problems.add(new FieldProblem("patient.dateOfBirth", "must be on or after " + EARLIEST_BIRTH));
        }
        return problems;
    }
}
