package dev.authpack.casefile;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills every case's list columns from its document again, as V115 did. A release from before V114
 * saves cases without touching those columns, and nothing stopped one from running on a database that
 * a newer release had already migrated: an instance of it still up during a rolling upgrade (which
 * docs/deploy.md allowed), or the operator going back to it. A case it created has empty columns, so
 * the list shows no name and its search cannot find the case; a case it renamed keeps the old name in
 * them. The document is what the case says, so the columns are made from it. Idempotent: a database
 * that never ran an older release keeps the same values. Public for {@code support.ServiceMigrations}.
 */
@Component
public class V121__Refill_case_list_columns extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        V115__Fill_case_list_columns.fill(context.getConnection());
    }
}
