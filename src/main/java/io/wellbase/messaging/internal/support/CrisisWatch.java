package io.wellbase.messaging.internal.support;

import io.wellbase.messaging.CrisisClassifier;
import io.wellbase.messaging.MessagingProperties;
import io.wellbase.notifications.StaffAlerts;
import io.wellbase.platform.data.AfterCommit;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a client's messages in an open chat session for words that signal a crisis (per language,
 * {@code wellbase.messaging.crisis-words}, matched without regard to case or accents, in every language at
 * once: people write in the language they write in). A match raises the session to emergency (the
 * counselors on duty are alerted, as for an emergency opened as one) and tells the client, once per session,
 * where to find immediate help.
 */
@Component
public class CrisisWatch implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CrisisWatch.class);

    private final ChatSessionStore store;
    private final SupportQueue queue;
    private final StaffAlerts alerts;
    private final MessagingProperties properties;
    private final List<String> words;
    private final ObjectProvider<CrisisClassifier> classifier;
    private final TransactionTemplate tx;
    private final ExecutorService judging = Executors.newVirtualThreadPerTaskExecutor();
    /** At most this many texts with the classifier at once; the others wait their turn. */
    private final java.util.concurrent.Semaphore judges = new java.util.concurrent.Semaphore(8);

    CrisisWatch(
            ChatSessionStore store,
            SupportQueue queue,
            StaffAlerts alerts,
            MessagingProperties properties,
            ObjectProvider<CrisisClassifier> classifier,
            TransactionTemplate tx) {
        this.classifier = classifier;
        this.tx = tx;
        this.store = store;
        this.queue = queue;
        this.alerts = alerts;
        this.properties = properties;
        this.words = properties.crisisWordsOrDefaults().values().stream()
                .flatMap(List::stream)
                .map(CrisisWatch::normalized)
                .filter(w -> !w.isBlank())
                .distinct()
                .toList();
    }

    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    boolean signalsCrisis(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String seen = normalized(text);
        return words.stream().anyMatch(seen::contains);
    }

    /**
     * In the transaction that writes the message: a keyword raises the session now; without one, a
     * {@link CrisisClassifier} (when a module provides one) judges the text after the commit, off the request.
     */
    public void inspect(UUID orgId, UUID conversationId, UUID senderId, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        if (signalsCrisis(body)) {
            raise(orgId, conversationId, senderId);
            return;
        }
        CrisisClassifier judge = classifier.getIfAvailable();
        if (judge != null && !store.openOf(orgId, conversationId, senderId).isEmpty()) {
            AfterCommit.run(() -> {
                try {
                    judging.execute(() -> judge(judge, orgId, conversationId, senderId, body));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // shutting down: the message is stored and answered; the keyword list has read it
                    log.warn(
                            "The crisis classifier was not asked about a message of conversation {}: shutting down",
                            conversationId);
                }
            });
        }
    }

    private void judge(CrisisClassifier judge, UUID orgId, UUID conversationId, UUID senderId, String body) {
        try {
            judges.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (judge.signalsCrisis(orgId, body)) {
                tx.executeWithoutResult(t -> raise(orgId, conversationId, senderId));
            }
        } catch (RuntimeException e) {
            log.warn("The crisis classifier failed on a message of conversation {}: {}", conversationId, e.toString());
        } finally {
            judges.release();
        }
    }

    private void raise(UUID orgId, UUID conversationId, UUID senderId) {
        for (ChatSessionStore.ChatSession session : store.openOf(orgId, conversationId, senderId)) {
            queue.raiseToEmergency(orgId, session);
            alerts.crisisHelp(
                    orgId, senderId, session.id(), store.crisisLine(orgId).orElse(properties.crisisLine()));
        }
    }

    @Override
    public void destroy() {
        judging.shutdownNow();
    }
}
