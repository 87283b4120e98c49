package dev.authpack.casefile;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the list columns V114 added for the cases stored before it, from each case's own document.
 * Java rather than SQL because H2 and PostgreSQL read JSON with different functions. It reads the
 * document as a plain tree, not through the case binder: a document the binder's later rules would
 * refuse must not stop the service from starting, and a value it cannot read is left empty, which
 * the list shows as blank until the case is next saved. The class name is Flyway's version and
 * description; Spring Boot hands this bean to Flyway. Public for the tests that migrate a database as
 * the service does ({@code support.ServiceMigrations}).
 */
@Component
public class V115__Fill_case_list_columns extends BaseJavaMigration {

    private static final int BATCH = 200;

    @Override
    public void migrate(Context context) throws Exception {
        fill(context.getConnection());
    }

    /** Sets every case's list columns from its document; V121 runs it again. */
    static void fill(Connection connection) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("UPDATE cases SET patient_first_name = ?, "
                     + "patient_last_name = ?, birth_date = ?, member_id = ?, payer_name = ?, requested_start = ? "
                     + "WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT id, data FROM cases")) {
                while (rows.next()) {
                    JsonNode data = mapper.readTree(rows.getString("data"));
                    JsonNode patient = data.path("patient");
                    write.setString(1, text(patient.path("firstName")));
                    write.setString(2, text(patient.path("lastName")));
                    setDate(write, 3, patient.path("dateOfBirth"));
                    write.setString(4, text(patient.path("memberId")));
                    write.setString(5, text(data.path("coverage").path("payerName")));
                    setDate(write, 6, data.path("request").path("startDate"));
                    write.setString(7, rows.getString("id"));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    /** The stored text, cut to the column's width (the case rules allow no more, but older rows are not re-checked). */
    private static String text(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        String s = node.stringValue();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static void setDate(PreparedStatement write, int index, JsonNode node) throws java.sql.SQLException {
        LocalDate date = null;
        if (node.isString()) {
            try {
                date = LocalDate.parse(node.stringValue());
            } catch (DateTimeParseException e) {
                // left empty: the list shows it blank until the case is saved again
            }
        }
        if (date == null) {
            write.setNull(index, Types.DATE);
        } else {
            write.setDate(index, Date.valueOf(date));
        }
    }
}
