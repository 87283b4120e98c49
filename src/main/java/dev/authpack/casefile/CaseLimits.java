package dev.authpack.casefile;

import dev.authpack.core.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds that keep one case's work small: at most {@code authpack.cases.max-lines} billing lines
 * (each is priced for every session and printed on the estimate) and
 * {@code authpack.cases.max-trials} medication trials (each is judged by every trial rule and
 * printed in the packet); a 5,000-line case took 8.7 s to estimate. A birth date before 1900 is
 * no real patient's and only feeds extreme years to the date arithmetic.
 */
@ConfigurationProperties("authpack.cases")
record CaseLimits(@DefaultValue("50") int maxLines, @DefaultValue("50") int maxTrials) {

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    CaseLimits {
        if (maxLines < 1 || maxTrials < 1) {
            throw new IllegalArgumentException("authpack.cases.max-lines and max-trials must be at least 1");
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
        LocalDate born = c.patient().dateOfBirth();
        if (born != null && born.isBefore(EARLIEST_BIRTH)) {
            problems.add(new FieldProblem("patient.dateOfBirth", "must be on or after " + EARLIEST_BIRTH));
        }
        return problems;
    }
}
