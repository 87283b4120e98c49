package dev.authpack.policyupload;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The newest notice of each of the clinic's cases that has one: case id → message. */
    public Map<String, String> latestByCase(String clinicId) {
        Map<String, String> latest = new LinkedHashMap<>();
        jdbc.query("SELECT case_id, message FROM policy_notices WHERE clinic_id = ? ORDER BY id DESC",
                rs -> {
                    latest.putIfAbsent(rs.getString(1), rs.getString(2));
                }, clinicId);
        return latest;
    }
}
