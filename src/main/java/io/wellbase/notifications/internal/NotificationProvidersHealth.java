package io.wellbase.notifications.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The circuit breaker of each channel's provider in {@code /actuator/health} (details for operators):
 * always UP, since an open breaker delays messages and loses none; the state says which provider is failing.
 */
@Component("notificationProviders")
class NotificationProvidersHealth implements HealthIndicator {

    private final Dispatcher dispatcher;

    NotificationProvidersHealth(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        dispatcher
                .breakerStates()
                .forEach((channel, state) ->
                        health.withDetail(channel.value(), state.name().toLowerCase()));
        return health.build();
    }
}
