package dev.authpack.casefile;

import java.time.LocalDate;

public record Psychotherapy(String modality, LocalDate startDate, LocalDate endDate, Integer sessions) {
}
