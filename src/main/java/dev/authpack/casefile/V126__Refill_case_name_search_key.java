package dev.authpack.casefile;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Works out every case's name key again, as V125 did, now that the key drops accents ("álvarez" became
 * "alvarez"): a key stored before would keep an accented name from being found by the name typed without
 * its accents. Idempotent. Public for {@code support.ServiceMigrations}.
 */
@Component
public class V126__Refill_case_name_search_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        V125__Fill_case_name_search_key.fill(context.getConnection());
    }
}
