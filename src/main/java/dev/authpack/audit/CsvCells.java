package dev.authpack.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV rows (RFC 4180) that a spreadsheet opens as text. A cell that starts like a formula
 * (= + - @, or a tab or carriage return that some programs skip before one) gets a leading
 * apostrophe, so a user name or title typed as "=HYPERLINK(...)" is never evaluated (OWASP "CSV
 * injection"); a cell holding a comma, quote or line break is quoted, with quotes doubled.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String row(List<String> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
