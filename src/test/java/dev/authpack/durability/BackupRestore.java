package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the backup tests write before the backup and check after the restore. */
final class BackupRestore {

    private BackupRestore() {
    }

    /** Two cases, each updated, with a chart note, a packet and an audited read; one user created. */
    static void write(AcknowledgedWrites ledger, int port) {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 2; i++) {
            String caseId = ledger.createCase(api);
            ledger.updateCase(api, caseId);
            ledger.uploadAttachment(api, caseId);
            ledger.generatePacket(api, caseId);
            ledger.readCase(api, caseId);
        }
        ledger.createUser(new FormClient(port).signIn(AcknowledgedWrites.ADMIN, ApiClient.PASSWORD));
    }

    /** Every acknowledged write is back, and every audit row read before the backup is back unchanged. */
    static void assertAllThere(AcknowledgedWrites ledger, ApiClient api, JsonNode auditBefore) {
        Map<Long, JsonNode> after = new HashMap<>();
        api.get("/api/v1/audit?size=500", AcknowledgedWrites.ADMIN).json().get("items")
                .forEach(item -> after.put(item.get("id").asLong(), item));
        assertThat(auditBefore.size()).isGreaterThan(10);
        for (JsonNode row : auditBefore) {
            assertThat(after.get(row.get("id").asLong())).as("audit row " + row).isEqualTo(row);
        }
        assertThat(ledger.lost(api)).isEmpty();
    }
}
