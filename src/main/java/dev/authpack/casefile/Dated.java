package dev.authpack.casefile;

import java.time.LocalDate;

/** Something that ran from a start date to an (optional) end date. */
interface Dated {

    LocalDate startDate();

    LocalDate endDate();
}
