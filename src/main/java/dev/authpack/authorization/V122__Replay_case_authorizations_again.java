package dev.authpack.authorization;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Stores every case's authorization again from its events, as V118 did. A release from before V117
 * records events without writing {@code case_authorizations}; an instance of it still up during a
 * rolling upgrade (which docs/deploy.md allowed), or an operator going back to it, left the row of the
 * cases it changed behind their events: the case page (which replays the events) said APPROVED while
 * the list, its status filter and the worklist still said SUBMITTED, or offered an already submitted
 * case as ready to submit. The events are the record, so the rows are made from them anew. Public for
 * {@code support.ServiceMigrations}.
 */
@Component
public class V122__Replay_case_authorizations_again extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement delete = context.getConnection().createStatement()) {
            delete.executeUpdate("DELETE FROM case_authorizations");
        }
        V118__Replay_case_authorizations.replayAll(context.getConnection());
    }
}
