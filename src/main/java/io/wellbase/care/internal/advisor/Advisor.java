package io.wellbase.care.internal.advisor;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.care.CareProperties;
import io.wellbase.messaging.EmergencySupport;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.jobs.BackgroundJobs;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A question to the advisor. The crisis layer reads it first, before any model: a message about suicide, self-harm,
 * abuse or a threat opens an emergency session in the counselor queue and is answered, at once, with where to find
 * help; it is never answered as advice. Any other question is queued and answered by the model (when configured)
 * or the rules, from the organization's own content.
 */
@Service
class Advisor {

    private final AdvisorStore store;
    private final CrisisScreen screen;
    private final EmergencySupport emergencies;
    private final AdvisorContent content;
    private final RulesAdvisor rules;
    private final @Nullable ModelAdvisor model;
    private final BackgroundJobs jobs;
    private final AdvisorJob job;
    private final AuditTrail audit;

    Advisor(
            AdvisorStore store,
            CrisisScreen screen,
            EmergencySupport emergencies,
            AdvisorContent content,
            RulesAdvisor rules,
            CareProperties settings,
            BackgroundJobs jobs,
            AdvisorJob job,
            AuditTrail audit) {
        this.store = store;
        this.screen = screen;
        this.emergencies = emergencies;
        this.content = content;
        this.rules = rules;
        this.model = settings.advisor().configured() ? new ModelAdvisor(settings.advisor()) : null;
        this.jobs = jobs;
        this.job = job;
        this.audit = audit;
    }

    @Transactional
    AdvisorStore.Session ask(UUID org, UUID client, UUID user, String type, String input) {
        UUID id = Ids.newId();
        Optional<CrisisScreen.Category> crisis = screen.screen(input);
        if (crisis.isPresent()) {
            EmergencySupport.Opened opened = emergencies.open(
                    org, client, user, "Advisor message: " + crisis.get().name().toLowerCase());
            String answer = "It sounds like you are going through something very hard, and you deserve help from a"
                    + " person right now. A counselor has been asked to reach you. If you are in danger, call "
                    + opened.crisisLine() + ".";
            store.insert(
                    org,
                    new AdvisorStore.Session(
                            id,
                            client,
                            user,
                            type,
                            input,
                            "routed",
                            "crisis_layer",
                            answer,
                            List.of(),
                            crisis.get().name().toLowerCase(),
                            opened.sessionId(),
                            null,
                            null,
                            OffsetDateTime.now(),
                            OffsetDateTime.now()));
            audit.record(AuditRecord.of(
                    org,
                    "advisor.routed",
                    "ai_session",
                    id,
                    Map.of("category", new AuditChange(null, crisis.get().name()))));
        } else {
            store.insert(
                    org,
                    new AdvisorStore.Session(
                            id,
                            client,
                            user,
                            type,
                            input,
                            "queued",
                            null,
                            null,
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            OffsetDateTime.now(),
                            null));
            jobs.runSoon(job.task(), id);
        }
        return store.find(org, id).orElseThrow();
    }

    /** Answers a queued session (the job); a session answered already is left as it is. */
    @Transactional
    void answer(UUID id) {
        UUID org = store.orgOf(id).orElse(null);
        if (org == null) {
            return;
        }
        AdvisorStore.Session s = store.find(org, id).orElseThrow();
        if (!s.status().equals("queued")) {
            return;
        }
        AdvisorContent.Context context = content.of(org, s.clientId());
        RulesAdvisor.Answer fallback = rules.answer(s.input(), context);
        String fromModel = model == null ? null : model.answer(s.input(), context);
        if (fromModel != null) {
            store.answer(org, id, "answered", "model", fromModel, fallback.sources());
        } else {
            store.answer(org, id, "answered", "rules", fallback.text(), fallback.sources());
        }
    }
}
