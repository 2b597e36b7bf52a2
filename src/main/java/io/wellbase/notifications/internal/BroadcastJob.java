package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.wellbase.clients.ClientSegments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends a broadcast as a background job: its audience (the listed clients, or every client of a segment of
 * the client list) page by page, 1,000 clients a transaction, each told once (the dedupe key carries the
 * client, so a job resumed after a crash adds nothing twice).
 */
@Component
class BroadcastJob {

    static final int PAGE = 1000;

    /** Who a broadcast is for: client ids, or the client list's filters. */
    record Audience(List<UUID> clientIds, Map<String, List<String>> segment) {}

    private final Broadcasts broadcasts;
    private final ClientSegments segments;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    BroadcastJob(
            Broadcasts broadcasts,
            ClientSegments segments,
            Notifier notifier,
            TransactionTemplate transactions,
            ObjectMapper json) {
        this.broadcasts = broadcasts;
        this.segments = segments;
        this.notifier = notifier;
        this.transactions = transactions;
        this.json = json;
    }

    void run(UUID id) {
        Broadcasts.Job job = broadcasts.start(id).orElse(null);
        if (job == null) {
            return;
        }
        Audience audience = json.readValue(job.audience(), new TypeReference<Audience>() {});
        int targeted = 0;
        if (!audience.clientIds().isEmpty()) {
            List<UUID> ids = audience.clientIds();
            for (int from = 0; from < ids.size(); from += PAGE) {
                targeted += tell(job, id, ids.subList(from, Math.min(ids.size(), from + PAGE)));
            }
        } else {
            UUID after = null;
            while (true) {
                List<UUID> page = segments.matching(job.orgId(), audience.segment(), after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                targeted += tell(job, id, page);
                broadcasts.progress(id, targeted);
                after = page.getLast();
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        broadcasts.progress(id, targeted);
        broadcasts.finish(id, "completed");
    }

    private int tell(Broadcasts.Job job, UUID broadcastId, List<UUID> clientIds) {
        List<Message> messages = new ArrayList<>();
        for (UUID client : clientIds) {
            messages.add(Message.of(
                    job.orgId(),
                    NotificationType.BROADCAST,
                    client,
                    "broadcast",
                    broadcastId,
                    client.toString(),
                    Map.of("title", job.title(), "body", job.body())));
        }
        transactions.executeWithoutResult(status -> notifier.tellAll(messages));
        return clientIds.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        OneTimeTask<Void> notificationBroadcastTask(BroadcastJob job) {
            return Tasks.oneTime("notification-broadcast")
                    .execute((instance, context) -> job.run(UUID.fromString(instance.getId())));
        }
    }
}
