package io.wellbase.dataexchange.internal.mindbody;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.jobs.BackgroundJobs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Connecting a Mindbody site, requesting syncs, and taking Mindbody's webhooks as a reason to sync. */
@Service
class MindbodyIntegration {

    static final String TASK = "mindbody-sync";

    private final MindbodyApi api;
    private final MindbodyConnections connections;
    private final MindbodySyncs syncs;
    private final BackgroundJobs jobs;
    private final OneTimeTask<Void> task;
    private final AuditTrail audit;
    private final ObjectMapper json;

    MindbodyIntegration(
            MindbodyApi api,
            MindbodyConnections connections,
            MindbodySyncs syncs,
            BackgroundJobs jobs,
            @Lazy OneTimeTask<Void> mindbodySyncTask,
            AuditTrail audit,
            ObjectMapper json) {
        this.api = api;
        this.connections = connections;
        this.syncs = syncs;
        this.jobs = jobs;
        this.task = mindbodySyncTask;
        this.audit = audit;
        this.json = json;
    }

    sealed interface Connected {
        record Done(MindbodyConnections.Connection connection) implements Connected {}

        record Rejected(String reason) implements Connected {}

        record Unreachable(String reason) implements Connected {}

        record SiteTaken() implements Connected {}
    }

    /** Checks the credentials against Mindbody (the site's own record), then keeps them sealed. */
    @Transactional
    public Connected connect(
            UUID orgId, UUID userId, String siteId, String apiKey, String staffToken, @Nullable String webhookKey) {
        Optional<MindbodyConnections.Connection> owner = connections.findBySite(siteId);
        if (owner.isPresent() && !owner.get().orgId().equals(orgId)) {
            return new Connected.SiteTaken();
        }
        try {
            api.get(new MindbodyApi.Site(siteId, apiKey, staffToken), "/site/sites", Map.of(), new MindbodyApi.Meter());
        } catch (MindbodyApi.Failure e) {
            return e.status == 0 || e.status >= 500
                    ? new Connected.Unreachable(e.getMessage())
                    : new Connected.Rejected(e.getMessage());
        }
        connections.save(orgId, userId, siteId, apiKey, staffToken, webhookKey);
        audit.record(AuditRecord.of(
                orgId,
                "mindbody.connected",
                "mindbody_site",
                siteId,
                Map.of(
                        "siteId",
                        new AuditChange(null, siteId),
                        "webhooks",
                        new AuditChange(null, webhookKey != null))));
        return new Connected.Done(connections.find(orgId).orElseThrow());
    }

    @Transactional
    public boolean disconnect(UUID orgId) {
        boolean removed = connections.delete(orgId);
        if (removed) {
            audit.record(AuditRecord.of(orgId, "mindbody.disconnected", "mindbody_site", orgId, Map.of()));
        }
        return removed;
    }

    /** A sync queued now (or the one already queued or running); empty when no site is connected. */
    @Transactional
    public Optional<MindbodySyncs.Sync> requestSync(UUID orgId, UUID userId, String trigger) {
        if (connections.find(orgId).isEmpty()) {
            return Optional.empty();
        }
        boolean wasActive = syncs.active(orgId).isPresent();
        MindbodySyncs.Sync sync = syncs.queue(orgId, userId, trigger);
        if (!wasActive) {
            audit.record(AuditRecord.of(
                    orgId,
                    "mindbody.sync_requested",
                    "mindbody_sync",
                    sync.id(),
                    Map.of("trigger", new AuditChange(null, trigger))));
            jobs.runSoon(task, sync.id());
        }
        return Optional.of(sync);
    }

    /** What a webhook came to. */
    enum WebhookOutcome {
        SYNC_QUEUED,
        BAD_SIGNATURE,
        UNKNOWN_SITE
    }

    /**
     * A webhook of Mindbody's (a client, visit or sale changed): the signature ({@code X-Mindbody-Signature:
     * sha256=<base64 HMAC-SHA256 of the raw body>}) is checked with the site's webhook key before anything else
     * happens, then an incremental sync is queued, at most one at a time.
     */
    @Transactional
    public WebhookOutcome webhook(byte[] body, @Nullable String signature) {
        String siteId;
        try {
            JsonNode event = json.readTree(body);
            siteId = event.path("eventData").path("siteId").asString("");
        } catch (RuntimeException e) {
            return WebhookOutcome.BAD_SIGNATURE;
        }
        Optional<MindbodyConnections.Connection> connection =
                siteId.isBlank() ? Optional.empty() : connections.findBySite(siteId);
        if (connection.isEmpty() || connection.get().webhookKey() == null) {
            return WebhookOutcome.UNKNOWN_SITE;
        }
        if (!signed(body, signature, connection.get().webhookKey())) {
            return WebhookOutcome.BAD_SIGNATURE;
        }
        requestSync(connection.get().orgId(), connection.get().connectedBy(), "webhook");
        return WebhookOutcome.SYNC_QUEUED;
    }

    static boolean signed(byte[] body, @Nullable String signature, String key) {
        if (signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
            return MessageDigest.isEqual(
                    expected, signature.substring("sha256=".length()).strip().getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MindbodySyncs.Sync> recent(UUID orgId) {
        return syncs.recent(orgId, 20);
    }

    Optional<MindbodySyncs.Sync> find(UUID orgId, UUID id) {
        return syncs.find(orgId, id);
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        OneTimeTask<Void> mindbodySyncTask(MindbodySync sync) {
            return Tasks.oneTime(TASK).execute((instance, context) -> sync.run(UUID.fromString(instance.getId())));
        }
    }
}
