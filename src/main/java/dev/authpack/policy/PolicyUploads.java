package dev.authpack.policy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code policy_uploads} table: uploaded policy versions, append-only. Plain JDBC because the
 * catalog reads it as text to parse, and asks only "has anything been added" between reads.
 */
@Repository
public class PolicyUploads {

    private final JdbcTemplate jdbc;

    PolicyUploads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest upload's id, 0 when there is none: the cheap "anything new?" question. */
    long latestId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM policy_uploads", Long.class);
        return max == null ? 0 : max;
    }

    /**
     * Takes the upload lock for the current transaction (a row lock: another instance's upload waits
     * here until this transaction ends) and answers the newest stored upload's id, so the caller can
     * tell whether anything was stored since it judged its file.
     */
    public long lockForUpload() {
        jdbc.update("UPDATE policy_upload_lock SET uploads = uploads + 1 WHERE id = 1");
        return latestId();
    }

    public List<PolicyUpload> all() {
        return jdbc.query("SELECT id, policy_id, version, effective_from, yaml, sha256, uploaded_by, uploaded_at "
                + "FROM policy_uploads ORDER BY id", (rs, n) -> new PolicyUpload(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant()));
    }

    public boolean exists(String policyId, String version) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM policy_uploads WHERE policy_id = ? AND version = ?",
                Integer.class, policyId, version);
        return n != null && n > 0;
    }

    /** Stores an upload and returns its id; the unique (policy_id, version) key refuses a second copy. */
    public long insert(Policy policy, String yaml, String sha256, String user, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO policy_uploads (policy_id, version, effective_from, yaml, sha256, "
                    + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, policy.id());
            ps.setString(2, policy.version());
            // null: in force from the beginning, like a shipped file without the key
            ps.setDate(3, policy.effectiveFrom() == null ? null : Date.valueOf(policy.effectiveFrom()));
            ps.setString(4, yaml);
            ps.setString(5, sha256);
            ps.setString(6, user);
            ps.setTimestamp(7, Timestamp.from(at));
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}
