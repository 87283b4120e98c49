package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.SharedServiceTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Administrators add, list and rename clinics over the API (a production database starts with
 * none): every answer checked against docs/openapi.json, every change audited, bad input named.
 */
@SharedServiceTest
class ClinicApiTest {

    private static final String CLINICS = "/api/v1/admin/clinics";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorAddsListsAndRenamesAClinicAndEachChangeIsAudited() {
        ApiClient api = new ApiClient(port).checkingRequests();
        String id = freshId("east");

        ApiClient.Response created = api.post(CLINICS, "admin", "{\"id\":\"" + id + "\",\"name\":\"East Clinic\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.location()).isEqualTo(CLINICS + "/" + id);
        assertThat(created.json().get("name").asString()).isEqualTo("East Clinic");
        assertThat(created.json().get("userCount").asLong()).isZero();
        assertThat(listed(api, id).get("name").asString()).isEqualTo("East Clinic");
        assertThat(listed(api, "north").get("userCount").asLong()).isPositive();

        ApiClient.Response renamed = api.put(CLINICS + "/" + id, "admin", "{\"name\":\"  East Side Clinic \"}");

        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().get("id").asString()).isEqualTo(id);
        assertThat(api.get(CLINICS + "/" + id, "admin").json().get("name").asString()).isEqualTo("East Side Clinic");
        assertThat(audited("CLINIC_CREATED", id)).isEqualTo(1);
        assertThat(audited("CLINIC_RENAMED", id)).isEqualTo(1);
    }

    @Test
    void aTakenIdIsAConflictAndTheClinicKeepsItsName() {
        ApiClient api = new ApiClient(port);

        ApiClient.Response taken = api.post(CLINICS, "admin", "{\"id\":\"north\",\"name\":\"Impostor\"}");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(taken.json().get("detail").asString()).contains("north");
        assertThat(jdbc.queryForObject("select name from clinics where id = 'north'", String.class))
                .isEqualTo("North Clinic");
        assertThat(audited("CLINIC_CREATED", "north")).isZero();
    }

    @Test
    void badIdsAndNamesAreRefusedNamingTheFieldAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String[][] cases = {
                {"{\"id\":\"Upper\",\"name\":\"A\"}", "id"},
                {"{\"id\":\"x\",\"name\":\"A\"}", "id"},
                {"{\"id\":\"" + "a".repeat(41) + "\",\"name\":\"A\"}", "id"},
                {"{\"id\":\"has space\",\"name\":\"A\"}", "id"},
                {"{\"id\":\"west_side\",\"name\":\"A\"}", "id"},
                {"{\"name\":\"No Id\"}", "id"},
                {"{\"id\":5,\"name\":\"A\"}", "id"},
                {"{\"id\":\"bad-name-1\",\"name\":\"\"}", "name"},
                {"{\"id\":\"bad-name-2\",\"name\":\"  \"}", "name"},
                {"{\"id\":\"bad-name-3\"}", "name"},
                {"{\"id\":\"bad-name-4\",\"name\":\"" + "n".repeat(201) + "\"}", "name"},
                {"{\"id\":\"bad-name-5\",\"name\":\"Two\\nLines\"}", "name"},
                {"{\"id\":\"bad-name-6\",\"name\":\"Tab\\tbed\"}", "name"},
                {"{\"id\":\"bad-name-9\",\"name\":\"North \\u202Ecinilc\"}", "name"},
                {"{\"id\":\"bad-name-10\",\"name\":\"North \\u2066Clinic\"}", "name"},
                {"{\"id\":\"bad-name-11\",\"name\":\"North Clinic\\uFFFF\"}", "name"},
                {"{\"id\":\"bad-name-12\",\"name\":\"North \\udc00Clinic\"}", "name"},
                {"{\"id\":\"bad-name-7\",\"name\":\"A\",\"city\":\"B\"}", "city"},
                {"{\"id\":\"bad-name-13\",\"id\":\"bad-name-14\",\"name\":\"A\"}", "id"},
                {"{\"id\":\"bad-name-15\",\"name\":\"A\",\"name\":\"B\"}", "name"},
                {"[\"bad-name-8\"]", "id"}};
        for (String[] c : cases) {
            ApiClient.Response r = api.post(CLINICS, "admin", c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.contentType()).as(c[0]).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(api.post(CLINICS, "admin", "{\"id\": ").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from clinics where id like 'bad-name-%' or id = 'x'",
                Integer.class)).isZero();
    }

    /** Clinic names print on packets and estimates; pasted decomposed, they are kept as typed composed. */
    @Test
    void aNamePastedDecomposedIsKeptComposed() {
        ApiClient api = new ApiClient(port);
        String id = freshId("nfc");

        ApiClient.Response created = api.post(CLINICS, "admin", "{\"id\":\"" + id + "\",\"name\":\"Clinique Zoe\\u0308\"}");
        String afterCreate = api.get(CLINICS + "/" + id, "admin").json().get("name").asString();
        ApiClient.Response renamed = api.put(CLINICS + "/" + id, "admin", "{\"name\":\"Clinique Ame\\u0301lie\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(afterCreate).isEqualTo("Clinique Zo\u00EB");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(api.get(CLINICS + "/" + id, "admin").json().get("name").asString()).isEqualTo("Clinique Am\u00E9lie");
    }

    @Test
    void renamingChecksTheNameAndAnUnknownClinicIsNotFound() {
        ApiClient api = new ApiClient(port);
        String id = freshId("kept");
        assertThat(api.post(CLINICS, "admin", "{\"id\":\"" + id + "\",\"name\":\"Kept Name\"}").status()).isEqualTo(201);

        ApiClient.Response empty = api.put(CLINICS + "/" + id, "admin", "{\"name\":\"\"}");
        ApiClient.Response stray = api.put(CLINICS + "/" + id, "admin", "{\"name\":\"A\",\"id\":\"other\"}");
        ApiClient.Response twice = api.put(CLINICS + "/" + id, "admin", "{\"name\":\"A\",\"name\":\"B\"}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(stray.status()).isEqualTo(400);
        assertThat(stray.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(api.get(CLINICS + "/" + id, "admin").json().get("name").asString()).isEqualTo("Kept Name");
        assertThat(api.put(CLINICS + "/nowhere-clinic", "admin", "{\"name\":\"X\"}").status()).isEqualTo(404);
        assertThat(api.get(CLINICS + "/nowhere-clinic", "admin").status()).isEqualTo(404);
        assertThat(audited("CLINIC_RENAMED", id)).isZero();
    }

    @Test
    void onlyAdministratorsManageClinics() {
        ApiClient api = new ApiClient(port);
        String body = "{\"id\":\"" + freshId("denied") + "\",\"name\":\"Denied\"}";
        for (String user : new String[] {"north.billing", "north.clinic"}) {
            assertThat(api.get(CLINICS, user).status()).as(user).isEqualTo(403);
            assertThat(api.post(CLINICS, user, body).status()).as(user).isEqualTo(403);
            assertThat(api.put(CLINICS + "/north", user, "{\"name\":\"Mine now\"}").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get(CLINICS, null).status()).isEqualTo(401);
        assertThat(api.post(CLINICS, null, body).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select name from clinics where id = 'north'", String.class))
                .isEqualTo("North Clinic");
    }

    private static JsonNode listed(ApiClient api, String id) {
        ApiClient.Response list = api.get(CLINICS, "admin");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode c : list.json()) {
            if (c.get("id").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id + " not listed: " + list.text());
    }

    private static String freshId(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    private int audited(String action, String clinicId) {
        return jdbc.queryForObject("select count(*) from audit_events where action = ? and detail = ? "
                + "and username = 'admin' and outcome = 'OK'", Integer.class, action, "clinic " + clinicId);
    }
}
