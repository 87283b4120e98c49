package dev.authpack.appeal;

import java.util.List;

/**
 * Everything the appeal letter shows, computed and formatted (ISO dates, page numbers of the
 * appeal packet); the template only lays it out and picks sentences from the bundle.
 */
record AppealView(String date, String payer, Person patient, String treatment, boolean reauthorization,
                  Denial denial, String asOf, boolean complete, List<Answer> named, List<Answer> others,
                  List<String> missing, Enclosure enclosure, Prescriber prescriber, String policyId,
                  String policyVersion) {

    record Person(String name, String dateOfBirth, String memberId) {
    }

    record Denial(String decidedOn, String reason, String submittedOn, String payerReference, String deadline,
                  boolean withinPeriod) {
    }

    /** One criterion answered: its verdict today, the facts, and the pages that show them. */
    record Answer(String id, String label, String status, String detail, List<String> evidence, String pages) {
    }

    /** The enclosed packet: its date and kind, its pages in this document, and its attachments' pages. */
    record Enclosure(String createdOn, boolean exception, int firstPage, int lastPage, List<Notes> notes) {
    }

    record Notes(String title, String pages) {
    }

    record Prescriber(String name, String npi, String specialty, String facility) {
    }
}
