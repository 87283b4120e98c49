package dev.authpack.casefile;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record Patient(@Size(max = 200) String firstName, @Size(max = 200) String lastName,
                      @PastOrPresent LocalDate dateOfBirth, Sex sex, @Size(max = 200) String memberId,
                      @Size(max = 200) String groupNumber) {

    static final Patient EMPTY = new Patient(null, null, null, null, null, null);

    /** "Dana Reyes", or whichever part is known; empty when neither is. */
    public String fullName() {
        return fullName(firstName, lastName);
    }

    /** The same from the case's list columns ({@link CaseProgress}): every save stores {@code patient_name} so. */
    static String fullName(String firstName, String lastName) {
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        return (first + " " + last).strip();
    }
}
