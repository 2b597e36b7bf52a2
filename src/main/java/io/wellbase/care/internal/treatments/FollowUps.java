package io.wellbase.care.internal.treatments;

import io.wellbase.care.internal.CareDays;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.notifications.CareNotices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells clients of consultation follow-ups on their day (in the organization's zone), each once (every 15 minutes,
 * {@link FollowUpsJob}):
 * the row is marked in the same transaction as the notification is written.
 */
@Component
public class FollowUps {

    private final ConsultationStore store;
    private final CareDays days;
    private final ClientAccounts accounts;
    private final CareNotices notices;
    private final Clock clock;

    FollowUps(ConsultationStore store, CareDays days, ClientAccounts accounts, CareNotices notices, Clock clock) {
        this.store = store;
        this.days = days;
        this.accounts = accounts;
        this.notices = notices;
        this.clock = clock;
    }

    /** Tells every follow-up whose day has come in its organization; answers how many were told. */
    @Transactional
    public int tellDue() {
        int told = 0;
        for (ConsultationStore.Due due : store.due(LocalDate.now(clock).plusDays(1), 1000)) {
            if (due.followUpOn().isAfter(days.today(due.orgId()))) {
                continue;
            }
            if (store.told(due.orgId(), due.id(), due.followUpOn())) {
                UUID user = accounts.userOf(due.orgId(), due.clientId()).orElse(null);
                if (user != null) {
                    notices.consultationFollowUp(due.orgId(), user, due.id(), due.type(), due.followUpOn());
                }
                told++;
            }
        }
        return told;
    }
}
