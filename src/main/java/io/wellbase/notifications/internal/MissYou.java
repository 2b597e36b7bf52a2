package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.scheduling.VisitHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "We miss you" (off by default): once a day per organization that set a number of days, a message to each
 * client whose last visit was that many days ago, on the organization's calendar, and who has nothing
 * booked ahead. The occurrence is the day of that last visit, so a client is told once per absence, also
 * when the job runs again the same day.
 */
@Component
class MissYou {

    private final OrganizationNotificationSettings settings;
    private final OrganizationProfiles organizations;
    private final VisitHistory visits;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MissYou(
            OrganizationNotificationSettings settings,
            OrganizationProfiles organizations,
            VisitHistory visits,
            Notifier notifier,
            TransactionTemplate transactions,
            Clock clock) {
        this.settings = settings;
        this.organizations = organizations;
        this.visits = visits;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Answers how many clients were told (0 for those told before). */
    int run() {
        int told = 0;
        for (Map.Entry<UUID, Integer> org : settings.missYou().entrySet()) {
            told += runFor(org.getKey(), org.getValue());
        }
        return told;
    }

    int runFor(UUID orgId, int days) {
        var profile = organizations.find(orgId);
        if (profile.isEmpty()) {
            return 0;
        }
        LocalDate lastVisit =
                LocalDate.now(clock.withZone(profile.get().zone())).minusDays(days);
        List<UUID> lapsed = visits.lastVisitedOn(orgId, lastVisit);
        List<Message> messages = lapsed.stream()
                .map(client -> Message.of(
                        orgId,
                        NotificationType.MISS_YOU,
                        client,
                        "client",
                        client,
                        "last:" + lastVisit,
                        Map.of("studio", profile.get().name(), "days", days)))
                .toList();
        Notifier.Outcome outcome = transactions.execute(status -> notifier.tellAll(messages));
        return outcome == null ? 0 : outcome.inApp() + outcome.queued();
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        RecurringTask<Void> notificationMissYouTask(MissYou missYou) {
            return Tasks.recurring("notification-miss-you", FixedDelay.of(Duration.ofHours(6)))
                    .execute((instance, context) -> missYou.run());
        }
    }
}
