package io.wellbase.notifications.internal;

import io.wellbase.memberships.MembershipCreditsLow;
import io.wellbase.memberships.MembershipExpiring;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Memberships, told to the client: one about to end, and a class pack running out of credits. */
@Component
class MembershipNotifications {

    private final Notifier notifier;

    MembershipNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(MembershipExpiring event) {
        notifier.tell(Message.of(
                event.organizationId(),
                NotificationType.MEMBERSHIP_EXPIRING,
                event.clientId(),
                "membership",
                event.membershipId(),
                "ends:" + event.endsOn(),
                Map.of("day", event.endsOn())));
    }

    @ApplicationModuleListener
    void on(MembershipCreditsLow event) {
        notifier.tell(Message.of(
                event.organizationId(),
                NotificationType.CREDITS_LOW,
                event.clientId(),
                "membership",
                event.membershipId(),
                "low:" + event.warnedAt().toEpochMilli(),
                Map.of("credits", event.creditsLeft())));
    }
}
