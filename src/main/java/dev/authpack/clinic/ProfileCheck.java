package dev.authpack.clinic;

import dev.authpack.casefile.Specialty;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import dev.authpack.core.TypedIdentifier;
import dev.authpack.core.TypedText;
import dev.authpack.core.UsPhone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a typed profile with the case's own rules (its value types, {@link UsPhone}, {@link TypedText}),
 * so a profile never holds a value that a case filled from it would refuse on a field the clerk never
 * typed. Pure: no Spring, no database. Every problem names its input; the page words the shared
 * rules' problems as the case form does.
 */
final class ProfileCheck {

    private static final int TEXT_MAX = 200;

    private final ProfileForm form;
    private final List<FieldProblem> problems = new ArrayList<>();

    private ProfileCheck(ProfileForm form) {
        this.form = form;
    }

    /** The checked profile, or {@link InputException} listing every problem in form order. */
    static CheckedProfile check(ProfileForm form) {
        ProfileCheck c = new ProfileCheck(form);
        CheckedProfile p = c.profile();
        if (!c.problems.isEmpty()) {
            throw new InputException(c.problems);
        }
        return p;
    }

    private CheckedProfile profile() {
        String name = text("facilityName", TEXT_MAX);
        String npi = npi("facilityNpi");
        String tin = tin("facilityTin");
        String address = text("facilityAddress", TEXT_MAX);
        String rems = text("remsSettingId", 40);
        String feeCode = text("feeCode", 20);
        Integer feeUnits = units("feeUnits");
        if (feeUnits != null && feeCode == null) {
            problems.add(new FieldProblem("feeCode", "Enter the billing code the units are for"));
        }
        List<PrescriberEntry> prescribers = new ArrayList<>();
        for (int i = 0; i < form.filledRows(); i++) {
            String rowName = text(ProfileForm.path(i, "name"), TEXT_MAX);
            String rowNpi = npi(ProfileForm.path(i, "npi"));
            if (rowName == null) {
                problems.add(new FieldProblem(ProfileForm.path(i, "name"), "Enter the prescriber's name"));
            }
            if (form.value(ProfileForm.path(i, "npi")).isBlank()) {
                problems.add(new FieldProblem(ProfileForm.path(i, "npi"), "Enter the prescriber's NPI"));
            }
            prescribers.add(new PrescriberEntry(rowName, rowNpi, specialty(ProfileForm.path(i, "specialty")),
                    phone(ProfileForm.path(i, "phone")), phone(ProfileForm.path(i, "fax"))));
        }
        return new CheckedProfile(name, npi, tin, address, rems, feeCode == null ? null : feeCode.toUpperCase(Locale.ROOT),
                feeUnits, prescribers);
    }

    private String text(String path, int max) {
        String v = form.value(path).strip();
        if (v.length() > max) {
            problems.add(new FieldProblem(path, "Use at most " + max + " characters"));
        } else if (!TypedText.isTypeable(v)) {
            problems.add(new FieldProblem(path, TypedText.PROBLEM));
        }
        return v.isEmpty() ? null : TypedText.stored(v);
    }

    /** Kept the way the case form writes it, so a case filled from the profile stores the same text. */
    private String phone(String path) {
        String v = plain(path);
        if (v.isEmpty()) {
            return null;
        }
        Optional<String> written = UsPhone.normalise(v);
        if (written.isEmpty()) {
            problems.add(new FieldProblem(path, UsPhone.PROBLEM));
        }
        return written.orElse(null);
    }

    /**
     * An NPI as clerks type it (spaces or dashes between digit groups are fine). A refusal is kept in
     * {@link Npi}'s words, which the page says with the case form's sentence for it.
     */
    private String npi(String path) {
        String v = plain(path).replaceAll("[\\s-]", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Npi.of(v).value();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path, e.getMessage()));
            return null;
        }
    }

    /** A TIN as the case form reads it: spaces, dots or dashes between the digits are fine. */
    private String tin(String path) {
        String v = plain(path).replaceAll("[\\s.-]", "");
        try {
            return v.isEmpty() ? null : Tin.of(v).value();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path, "The TIN " + e.getMessage()));
            return null;
        }
    }

    /**
     * A number as it looks: fullwidth digits, a no-break space or a non-breaking hyphen, as pasted from
     * an East Asian input method or a word processor, are the plain ones (the case form reads them so).
     * A value with a character that has no plain form is left as typed for its own rule to refuse.
     */
    private String plain(String path) {
        String typed = form.value(path).strip();
        return TypedIdentifier.of(typed).orElse(typed);
    }

    private Integer units(String path) {
        String v = form.value(path).strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("\\d{1,5}") || Integer.parseInt(v) > 10000) {
            problems.add(new FieldProblem(path, "Enter a whole number of units from 0 to 10000"));
            return null;
        }
        return Integer.valueOf(v);
    }

    private Specialty specialty(String path) {
        String v = form.value(path).strip();
        try {
            return v.isEmpty() ? null : Specialty.valueOf(v);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path, "Choose a specialty from the list"));
            return null;
        }
    }
}
