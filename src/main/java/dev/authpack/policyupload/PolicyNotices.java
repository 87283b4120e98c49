package dev.authpack.policyupload;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code policy_notices} table: what a policy upload did to a case, for that clinic's staff.
 * Reads are scoped by clinic as well as case, so a notice never crosses clinics.
 */
@Repository
public class PolicyNotices {

    private final JdbcTemplate jdbc;

    PolicyNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String caseId, String clinicId, long uploadId, String message, Instant at) {
        jdbc.update("INSERT INTO policy_notices (case_id, clinic_id, upload_id, message, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", caseId, clinicId, uploadId, message, Timestamp.from(at));
    }

    /** The case's notices, newest first. */
    public List<String> forCase(String caseId, String clinicId) {
        return jdbc.queryForList("SELECT message FROM policy_notices WHERE case_id = ? AND clinic_id = ? "
                + "ORDER BY id DESC", String.class, caseId, clinicId);
    }

    /**
     * The newest notice of each of these cases of the clinic that has one: case id → message. For the
     * rows a page shows: every upload adds a notice to each case it changes, so a clinic's whole set
     * grows with every upload.
     */
    public Map<String, String> latestFor(String clinicId, Collection<UUID> caseIds) {
        Map<String, String> latest = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return latest;
        }
        List<Object> args = new ArrayList<>();
        args.add(clinicId);
        caseIds.forEach(id -> args.add(id.toString()));
        jdbc.query("SELECT case_id, message FROM policy_notices WHERE clinic_id = ? AND case_id IN ("
                        + String.join(", ", Collections.nCopies(caseIds.size(), "?")) + ") ORDER BY id DESC",
                rs -> {
                    latest.putIfAbsent(rs.getString(1), rs.getString(2));
                }, args.toArray());
        return latest;
    }
}
