package dev.authpack.casefile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills the search key V124 added for the cases stored before it. Java, not {@code UPDATE ... lower()}:
 * the point of the key is to be worked out the way the service works out a typed name's key
 * ({@link PatientNameKey}), which the database's {@code lower()} does not do on PostgreSQL. Public for the
 * tests that migrate a database as the service does ({@code support.ServiceMigrations}).
 */
@Component
public class V125__Fill_case_name_search_key extends BaseJavaMigration {

    private static final int BATCH = 200;

    @Override
    public void migrate(Context context) throws Exception {
        fill(context.getConnection());
    }

    static void fill(Connection connection) throws Exception {
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE cases SET patient_name_key = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT id, patient_name FROM cases WHERE patient_name IS NOT NULL")) {
                while (rows.next()) {
                    write.setString(1, PatientNameKey.of(rows.getString("patient_name")));
                    write.setString(2, rows.getString("id"));
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
}
