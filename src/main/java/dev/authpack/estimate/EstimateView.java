package dev.authpack.estimate;

import java.util.Arrays;
import java.util.List;

/**
 * Everything the estimate template shows, computed and formatted ({@code $3,263.69}, dates in the
 * reader's language): the template only lays it out and picks sentences from the bundle. Absent case
 * values stay null and the template says "not provided". {@code sessionsReason} is the suffix of the
 * per-session note's key ({@code estimate.sessions.note}): "", ".deductible" or ".cap".
 */
record EstimateView(boolean selfPay, boolean outOfNetwork, String generatedOn, Person patient, Provider provider,
                    Diagnosis diagnosis, Service service, List<Line> lines, List<Session> perSession, Totals totals,
                    boolean sessionsDiffer, String sessionsReason, Benefits benefits, String feeSchedule) {

    record Person(String name, String dateOfBirth, String payerName, String memberId) {

        /** The widest word that fits the name cell at the body size (9.5 pt, room for wide letters). */
        private static final int FITTING_WORD = 34;
        /** Points of cell width: a word is assumed at most one em per character. */
        private static final int CELL_WIDTH = 320;

        /**
         * A name with a word longer than the cell is set smaller so that it stays on one line and
         * whole: patients and tools read a name by searching for it, which a line break defeats.
         */
        public String nameStyle() {
            int longest = name == null ? 0 : java.util.Arrays.stream(name.split("\\s+"))
                    .mapToInt(w -> w.codePointCount(0, w.length())).max().orElse(0);
            if (longest <= FITTING_WORD) {
                return null;
            }
            int tenths = CELL_WIDTH * 10 / longest;
            return "font-size: " + tenths / 10 + "." + tenths % 10 + "pt;";
        }
    }

    /** The prescriber bills under the facility, so the TIN and location are the facility's. */
    record Provider(String prescriberName, String prescriberNpi, String facilityName, String facilityNpi,
                    String facilityTin, String address, String state) {
    }

    record Diagnosis(String code, String description) {
    }

    /** {@code treatment} is the enum name; the bundle holds its plain-language description. */
    record Service(String treatment, String scheduledDate, int sessions, boolean multipleSessions) {
    }

    record Line(String code, String description, int units, String chargePerUnit, String chargePerSession,
                String allowedPerSession, String charges, String patient) {

        /** The longest part of a description that still leaves the other columns their figures' width. */
        private static final int FITTING_PART = 16;

        /**
         * Whether the description may break inside a word. Breakable everywhere, a description let the
         * table narrow its column to a few letters: "Esketamine" alone printed as "Esketam" over "ine".
         * Only a part longer than a column can hold (a 200-letter word) needs it; ordinary words break
         * between each other, and after a hyphen.
         */
        public boolean descriptionBreaks() {
            return description != null && Arrays.stream(description.split("[\\s-]+"))
                    .anyMatch(part -> part.codePointCount(0, part.length()) > FITTING_PART);
        }
    }

    record Session(int number, String patient, String plan) {
    }

    record Totals(String charges, String allowed, String patient, String plan, String balanceBilling,
                  boolean anyBalanceBilling, String averagePerSession) {
    }

    /** The patient's benefit figures; null where the case gave none (e.g. no out-of-pocket limit). */
    record Benefits(String deductibleRemaining, String coinsurancePct, String copayPerSession, String oopRemaining) {
    }
}
