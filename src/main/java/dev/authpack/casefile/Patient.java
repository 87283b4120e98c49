package dev.authpack.casefile;

import java.time.LocalDate;

public record Patient(String firstName, String lastName, LocalDate dateOfBirth, Sex sex, String memberId,
                      String groupNumber) {

    static final Patient EMPTY = new Patient(null, null, null, null, null, null);

    /** "Dana Reyes", or whichever part is known; empty when neither is. */
    public String fullName() {
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        return (first + " " + last).strip();
    }
}
