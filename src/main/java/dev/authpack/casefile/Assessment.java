package dev.authpack.casefile;

import java.time.LocalDate;

/** One severity score; instrument, score and date are its core members (required in every element). */
public record Assessment(Instrument instrument, Integer score, LocalDate date) {
}
