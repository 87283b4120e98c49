package dev.authpack.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a clerk types to find a patient, and the one rule by which both the case list and Recent documents
 * find the patient's cases and documents, so that whatever finds a case also finds its PDFs: a birth date
 * (1980-02-03 or 2/3/1980) finds that date of birth only; anything else finds a member id holding it (without
 * spaces, dashes and case, as ids are read out over the phone) or a name (without case or accents,
 * {@link PatientNameKey}: "ibanez" finds "Ibáñez"; nor apostrophes: "obrien" and "O’Brien" find "O'Brien"):
 * <ul>
 * <li>holding the text as typed ("ana rey" finds "Dana Reyes");
 * <li>with a comma, last name first, as billing staff and payers write names: the part before the comma in the
 * last name and the part after it in the first name ("Reyes, Dana", "reyes, d"). The comma says which is the
 * last name, so "Dana, Reyes" does not find Dana Reyes (it finds a patient whose last name is Dana);
 * <li>without a comma, each word somewhere in the name, in any order ("Reyes Dana", as remittances and fax
 * cover sheets print it without a comma): nothing tells the last name there, and a search that finds one
 * patient too many, told apart by birth date on the page, serves better than one that finds nobody.
 * </ul>
 */
public final class PatientSearch {

    /** Every space character and tab ({@code \h}: the non-breaking U+00A0, thin U+2009 and the other Unicode spaces). */
    private static final Pattern SPACES = Pattern.compile("\\h");

    /**
     * Strict, as ISO_LOCAL_DATE is: the default (smart) resolving reads "2/30/1980" as February 29 and would find the
     * patients born that day, shown as if asked for; a date no calendar has is no birth date.
     */
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The apostrophe as keyboards, phones and letters write it: straight, curly, the modifier letter, the accents. */
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc\u00b4`]");

    private final String text;
    private final LocalDate born;
    private final String name;
    private final String member;

    private PatientSearch(String text) {
        this.text = text;
        this.born = date(text);
        this.name = key(text);
        this.member = memberKey(text);
    }

    /**
     * The search for {@code typed} (null or blank: every patient). A name copied from a PDF, an e-mail or the EHR
     * often carries a non-breaking or thin space between its words, which no stored name has: any such space is read
     * as the space it looks like.
     */
    public static PatientSearch of(String typed) {
        return new PatientSearch(typed == null ? "" : SPACES.matcher(typed).replaceAll(" ").strip());
    }

    /** Whether nothing was typed: then every patient matches. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Whether the case list's row is the patient searched for. */
    public boolean matches(CaseListing row) {
        return matches(row.patientName(), row.firstName(), row.lastName(), row.dateOfBirth(), row.memberId());
    }

    /**
     * Whether a patient with this name (as the case stores it, "Dana Reyes"), first and last name, birth date and
     * member id is the one searched for.
     */
    public boolean matches(String patientName, String firstName, String lastName, LocalDate dateOfBirth,
                           String memberId) {
        if (text.isEmpty()) {
            return true;
        }
        if (born != null) {
            return born.equals(dateOfBirth);
        }
        return nameMatches(key(patientName), key(firstName), key(lastName))
                || !member.isEmpty() && memberKey(memberId).contains(member);
    }

    private boolean nameMatches(String whole, String first, String last) {
        if (name.isEmpty()) {
            return false; // only apostrophes typed: they find no name, not every name
        }
        if (whole.contains(name)) {
            return true;
        }
        int comma = name.indexOf(',');
        if (comma >= 0) {
            String lastPart = name.substring(0, comma).strip();
            String firstPart = name.substring(comma + 1).strip();
            return !lastPart.isEmpty() && last.contains(lastPart) && first.contains(firstPart);
        }
        return Arrays.stream(name.split("\\s+")).allMatch(whole::contains);
    }

    /**
     * The name's key without its apostrophes, on both sides: a phone types O’Brien, a payer's letter prints it so, a
     * clerk types O'Brien or OBrien, and each finds the others (only here: the stored key and the order stay).
     */
    private static String key(String text) {
        return APOSTROPHES.matcher(PatientNameKey.of(Objects.toString(text, ""))).replaceAll("");
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
