package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountErasureIntegrationTests extends IntegrationTest {

    private int auditRows(Object actorId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE actor_id = :a")
                .param("a", actorId)
                .query(Integer.class)
                .single();
    }

    @Test
    void deleteAnonymisesTheAccountButKeepsTheAuditTrail() {
        Account account = register("erase");
        api.patch("/api/v1/users/me/profile", Map.of("phone", "+49 170 000000"), account.accessToken());
        int auditBefore = auditRows(account.userId());
        assertThat(auditBefore).isGreaterThanOrEqualTo(2);

        Api.Response r = api.delete("/api/v1/users/me", account.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        Api.Response login =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.field("code")).isEqualTo("auth.invalid_credentials");
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", account.refreshToken()), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", account.accessToken()).status()).isEqualTo(401);

        Map<String, Object> row = jdbc.sql(
                        "SELECT email, password_hash, first_name, phone, erased_at FROM users WHERE id = :id")
                .param("id", account.userId())
                .query()
                .singleRow();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("first_name")).isEqualTo("Deleted");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(auditRows(account.userId())).isGreaterThanOrEqualTo(auditBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'user.registered' AND actor_id = :a")
                        .param("a", account.userId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'user.erased' AND entity_id = :id")
                        .param("id", account.userId().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theEmailCanBeUsedAgainAfterErasure() {
        Account account = register("reuse-email");
        assertThat(api.delete("/api/v1/users/me", account.accessToken()).status())
                .isEqualTo(204);

        Api.Response again = api.post(
                "/api/v1/auth/register",
                Map.of("email", account.email(), "password", PASSWORD, "firstName", "New", "lastName", "Person"),
                null);

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.field("user.id")).isNotEqualTo(account.userId().toString());
    }

    @Test
    void theLastOwnerOfAnOrganizationCannotBeErased() {
        Owner owner = ownerWithOrganization("Last Owner Studio");

        Api.Response r = api.delete("/api/v1/users/me", owner.token());

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.field("code")).isEqualTo("organization.last_owner");
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        assertThat(login.status()).as("nothing was erased").isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", owner.refreshToken()), null)
                        .status())
                .as("sessions were kept")
                .isEqualTo(200);
    }

    @Test
    void deleteNeedsAToken() {
        assertThat(api.delete("/api/v1/users/me", null).status()).isEqualTo(401);
    }
}
