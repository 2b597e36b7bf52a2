package io.wellbase.clients.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding checklists: the organization's steps (waiver, intake form, first class…) and each
 * client's progress through them.
 */
@Service
class Onboarding {

    private final JdbcClient jdbc;
    private final ClientStore clients;
    private final AuditTrail audit;

    Onboarding(JdbcClient jdbc, ClientStore clients, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
    }

    /** A checklist step. */
    record Step(UUID id, String key, String label, int position, boolean required) {}

    @Transactional(readOnly = true)
    List<Step> steps(UUID orgId) {
        return jdbc.sql("""
                SELECT id, key, label, position, required FROM onboarding_steps
                WHERE org_id = :org AND archived_at IS NULL ORDER BY position, key
                """).param("org", orgId).query(Rows.of(Step.class)).list();
    }

    @Transactional
    Step addStep(UUID orgId, String key, String label, Integer position, boolean required) {
        if (!key.matches("[a-z][a-z0-9_]{0,49}")) {
            throw ApiException.invalidField("key", "must be lower case letters, digits and _, starting with a letter");
        }
        if (steps(orgId).stream().anyMatch(s -> s.key().equals(key))) {
            throw ApiException.conflict("onboarding.key_taken", "A step with this key already exists");
        }
        UUID id = Ids.newId();
        int pos = position != null ? position : steps(orgId).size();
        jdbc.sql("""
                INSERT INTO onboarding_steps (id, org_id, key, label, position, required)
                VALUES (:id, :org, :key, :label, :pos, :required)
                ON CONFLICT (org_id, key) DO UPDATE SET archived_at = NULL, label = excluded.label,
                    position = excluded.position, required = excluded.required
                """)
                .param("id", id)
                .param("org", orgId)
                .param("key", key)
                .param("label", label)
                .param("pos", pos)
                .param("required", required)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "onboarding_step.created",
                "onboarding_step",
                key,
                AuditChange.created(Map.of("key", key, "label", label))));
        return steps(orgId).stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    void archiveStep(UUID orgId, UUID stepId) {
        if (jdbc.sql(
                                "UPDATE onboarding_steps SET archived_at = now() WHERE org_id = :org AND id = :id AND archived_at IS NULL")
                        .param("org", orgId)
                        .param("id", stepId)
                        .update()
                == 0) {
            throw ApiException.notFound("Onboarding step");
        }
        audit.record(AuditRecord.of(orgId, "onboarding_step.deleted", "onboarding_step", stepId, Map.of()));
    }

    @Transactional(readOnly = true)
    ClientView.OnboardingView progress(UUID orgId, UUID clientId) {
        List<ClientView.OnboardingProgressStep> steps = jdbc.sql("""
                SELECT s.id, s.key, s.label, s.required, co.completed_at
                FROM onboarding_steps s
                LEFT JOIN client_onboarding co ON co.org_id = s.org_id AND co.step_id = s.id AND co.client_id = :client
                WHERE s.org_id = :org AND s.archived_at IS NULL
                ORDER BY s.position, s.key
                """)
                .param("org", orgId)
                .param("client", clientId)
                .query(Rows.of(ClientView.OnboardingProgressStep.class))
                .list();
        int done = (int) steps.stream().filter(s -> s.completedAt() != null).count();
        return new ClientView.OnboardingView(done, steps.size(), steps);
    }

    @Transactional
    ClientView.OnboardingView tick(UUID orgId, UUID clientId, UUID stepId, boolean done, UUID by) {
        clients.find(orgId, clientId).orElseThrow(() -> ApiException.notFound("Client"));
        if (steps(orgId).stream().noneMatch(s -> s.id().equals(stepId))) {
            throw ApiException.notFound("Onboarding step");
        }
        if (done) {
            jdbc.sql("""
                    INSERT INTO client_onboarding (org_id, client_id, step_id, completed_by) VALUES (:org, :client, :step, :by)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("org", orgId)
                    .param("client", clientId)
                    .param("step", stepId)
                    .param("by", by)
                    .update();
        } else {
            jdbc.sql("DELETE FROM client_onboarding WHERE org_id = :org AND client_id = :client AND step_id = :step")
                    .param("org", orgId)
                    .param("client", clientId)
                    .param("step", stepId)
                    .update();
        }
        audit.record(AuditRecord.of(
                orgId,
                done ? "client.onboarding_step_done" : "client.onboarding_step_undone",
                "client",
                clientId,
                Map.of("stepId", new AuditChange(done ? null : stepId, done ? stepId : null))));
        return progress(orgId, clientId);
    }
}
