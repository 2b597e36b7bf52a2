package io.wellbase.notifications.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.wellbase.notifications.NotificationsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages, a batch per transaction: each row is locked while its channel takes it (other
 * nodes skip it), then marked sent, put back with a later attempt time, or failed after the last
 * attempt. Counts queued, sent, retried and failed per channel.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Deliveries deliveries;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final TransactionTemplate transactions;
    private final NotificationsProperties properties;
    private final Backoff backoff;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ProviderBreakers breakers = new ProviderBreakers();

    Dispatcher(
            Deliveries deliveries,
            List<ChannelSender> senders,
            TransactionTemplate transactions,
            NotificationsProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.deliveries = deliveries;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.transactions = transactions;
        this.properties = properties;
        this.backoff = new Backoff(properties.firstRetry(), properties.maxRetry());
        this.meters = meters;
        this.clock = clock;
        for (Channel channel : this.senders.keySet()) {
            meters.gauge(
                    "wellbase.notifications.breaker.open",
                    io.micrometer.core.instrument.Tags.of("channel", channel.value()),
                    breakers,
                    b -> b.state(channel, clock.instant()) == ProviderBreakers.State.CLOSED ? 0 : 1);
        }
    }

    /** The circuit breaker of each channel with a provider, for health and metrics. */
    Map<Channel, ProviderBreakers.State> breakerStates() {
        Map<Channel, ProviderBreakers.State> states = new EnumMap<>(Channel.class);
        senders.keySet().forEach(c -> states.put(c, breakers.state(c, clock.instant())));
        return states;
    }

    /** One batch; answers how many messages it handled (sent, retried or failed). */
    int dispatchBatch() {
        Integer handled = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Deliveries.Due> due = deliveries.claimDue(now, properties.batchSize());
            Map<Channel, List<Deliveries.Due>> byChannel = new EnumMap<>(Channel.class);
            due.forEach(d -> byChannel
                    .computeIfAbsent(d.channel(), c -> new java.util.ArrayList<>())
                    .add(d));
            byChannel.forEach((channel, batch) -> {
                ChannelSender sender = senders.get(channel);
                if (sender != null) {
                    sender.prepare(batch);
                }
            });
            Map<DeliveryStatus, List<UUID>> handledWithoutId = new EnumMap<>(DeliveryStatus.class);
            due.forEach(d -> attempt(d, now, handledWithoutId));
            handledWithoutId.forEach((outcome, ids) -> deliveries.markAllHandled(ids, outcome, now));
            return due.size();
        });
        return handled == null ? 0 : handled;
    }

    private void attempt(Deliveries.Due due, Instant now, Map<DeliveryStatus, List<UUID>> handledWithoutId) {
        ChannelSender sender = senders.get(due.channel());
        if (sender != null && !breakers.allows(due.channel(), now)) {
            // the provider failed again and again: this message waits for the breaker, no attempt counted
            deliveries.defer(due.id(), breakers.retryAt(due.channel()));
            count(due.channel(), "held");
            return;
        }
        try {
            if (sender == null) {
                throw new IllegalStateException(
                        "no sender for channel " + due.channel().value());
            }
            String providerId = sender.send(due);
            breakers.succeeded(due.channel());
            if (providerId == null) {
                handledWithoutId
                        .computeIfAbsent(
                                sender.delivers() ? DeliveryStatus.SENT : DeliveryStatus.LOGGED,
                                k -> new java.util.ArrayList<>())
                        .add(due.id());
            } else {
                deliveries.markSent(due.id(), providerId, now);
            }
            count(due.channel(), sender.delivers() ? "sent" : "logged");
        } catch (Exception e) {
            if (sender != null) {
                breakers.failed(due.channel(), now);
            }
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            int attempts = due.attempts() + 1;
            if (attempts >= properties.maxAttempts()) {
                deliveries.markFailed(due.id(), error);
                count(due.channel(), "failed");
                log.warn(
                        "{} delivery {} failed for good after {} attempts: {}",
                        due.channel().value(),
                        due.id(),
                        attempts,
                        error);
            } else {
                deliveries.markRetry(due.id(), error, now.plus(backoff.after(attempts)));
                count(due.channel(), "retried");
            }
        }
    }

    private void count(Channel channel, String outcome) {
        meters.counter("wellbase.notifications.deliveries", "channel", channel.value(), "outcome", outcome)
                .increment();
    }
}
