package dev.authpack.authorization;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills {@code case_authorizations} (V117) for the events recorded before it, by the same replay the
 * service runs when it records one ({@link Lifecycle#recorded}). Java because the replay is Java. The
 * class name is Flyway's version and description; Spring Boot hands this bean to Flyway. Public for
 * the tests that migrate a database as the service does ({@code support.ServiceMigrations}).
 */
@Component
public class V118__Replay_case_authorizations extends BaseJavaMigration {

    private static final int BATCH = 200;

    @Override
    public void migrate(Context context) throws Exception {
        replayAll(context.getConnection());
    }

    /** Inserts a row for every case with events; the table must hold none of them yet. V122 runs it again. */
    static void replayAll(Connection connection) throws Exception {
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("INSERT INTO case_authorizations (case_id, "
                     + "clinic_id, status, submitted_on, channel, payer_reference, decided_on, authorization_number, "
                     + "approved_from, approved_to, approved_sessions, sessions_used, sessions_left, denial_reason, "
                     + "appeal_deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            read.setFetchSize(BATCH);
            String caseId = null;
            String clinicId = null;
            List<EventData> events = new ArrayList<>();
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT case_id, clinic_id, type, event_date, channel, "
                    + "payer_reference, note, authorization_number, approved_from, approved_to, approved_sessions, "
                    + "reason, codes FROM authorization_events ORDER BY case_id, seq")) {
                while (rows.next()) {
                    String rowCase = rows.getString("case_id");
                    if (caseId != null && !caseId.equals(rowCase)) {
                        pending = add(write, caseId, clinicId, events, pending);
                        events.clear();
                    }
                    caseId = rowCase;
                    clinicId = rows.getString("clinic_id");
                    events.add(event(rows));
                }
            }
            if (caseId != null) {
                add(write, caseId, clinicId, events, pending);
            }
            write.executeBatch();
        }
    }

    private static EventData event(ResultSet r) throws java.sql.SQLException {
        String channel = r.getString("channel");
        String codes = r.getString("codes");
        return new EventData(EventType.valueOf(r.getString("type")), date(r, "event_date"),
                channel == null ? null : Channel.valueOf(channel), r.getString("payer_reference"), r.getString("note"),
                r.getString("authorization_number"), date(r, "approved_from"), date(r, "approved_to"),
                r.getObject("approved_sessions", Integer.class), r.getString("reason"),
                codes == null ? List.of() : Arrays.asList(codes.split(",")));
    }

    /** Adds the case's row to the batch; runs the batch when it is full. Returns the rows still pending. */
    private static int add(PreparedStatement write, String caseId, String clinicId, List<EventData> events,
                           int pending) throws java.sql.SQLException {
        Authorization a = Lifecycle.recorded(events);
        write.setString(1, caseId);
        write.setString(2, clinicId);
        write.setString(3, a.status().name());
        setDate(write, 4, a.submittedOn());
        write.setString(5, a.channel() == null ? null : a.channel().name());
        write.setString(6, a.payerReference());
        setDate(write, 7, a.decidedOn());
        write.setString(8, a.authorizationNumber());
        setDate(write, 9, a.approvedFrom());
        setDate(write, 10, a.approvedTo());
        write.setObject(11, a.approvedSessions(), Types.INTEGER);
        write.setInt(12, a.sessionsUsed());
        write.setObject(13, a.sessionsLeft(), Types.INTEGER);
        write.setString(14, a.denialReason());
        setDate(write, 15, a.appealDeadline());
        write.addBatch();
        if (pending + 1 >= BATCH) {
            write.executeBatch();
            return 0;
        }
        return pending + 1;
    }

    private static LocalDate date(ResultSet r, String column) throws java.sql.SQLException {
        Date d = r.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static void setDate(PreparedStatement write, int index, LocalDate date) throws java.sql.SQLException {
        if (date == null) {
            write.setNull(index, Types.DATE);
        } else {
            write.setDate(index, Date.valueOf(date));
        }
    }
}
