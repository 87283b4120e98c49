package dev.authpack.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a clerk types to find a patient, and the one rule by which both the case list and Recent documents
 * find the patient's cases and documents, so that whatever finds a case also finds its PDFs: a birth date
 * (1980-02-03 or 2/3/1980) finds that date of birth only; anything else finds a member id holding it (without
 * spaces, dashes and case, as ids are read out over the phone) or a name holding it (without case or accents,
 * {@link PatientNameKey}: "ibanez" finds "Ibáñez").
 */
public final class PatientSearch {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    private final String text;
    private final LocalDate born;
    private final String name;
    private final String member;

    private PatientSearch(String text) {
        this.text = text;
        this.born = date(text);
        this.name = PatientNameKey.of(text);
        this.member = memberKey(text);
    }

    /** The search for {@code typed} (null or blank: every patient). */
    public static PatientSearch of(String typed) {
        return new PatientSearch(typed == null ? "" : typed.strip());
    }

    /** Whether nothing was typed: then every patient matches. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Whether the case list's row is the patient searched for. */
    public boolean matches(CaseListing row) {
        return matches(row.patientName(), row.dateOfBirth(), row.memberId());
    }

    /** Whether a patient with this name (as the case stores it, "Dana Reyes"), birth date and member id is the one searched for. */
    public boolean matches(String patientName, LocalDate dateOfBirth, String memberId) {
        if (text.isEmpty()) {
            return true;
        }
        if (born != null) {
            return born.equals(dateOfBirth);
        }
        return PatientNameKey.of(Objects.toString(patientName, "")).contains(name)
                || !member.isEmpty() && memberKey(memberId).contains(member);
    }

    /** The date typed as 1980-02-03 or 2/3/1980, or null when the text is not a date. */
    static LocalDate date(String text) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE)) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // not this format
            }
        }
        return null;
    }

    private static String memberKey(String text) {
        return Objects.toString(text, "").replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
