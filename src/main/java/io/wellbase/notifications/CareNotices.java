package io.wellbase.notifications;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What care tells a client by their account: good news about their own progress (an achievement earned, category
 * {@code progress}, in the app and by push) and a consultation's follow-up falling due (category {@code reminders},
 * in the app and by email). Written in the caller's transaction; telling the same thing twice adds nothing.
 */
public interface CareNotices {

    void achievementEarned(UUID organizationId, UUID userId, UUID clientId, String code, String name, int points);

    void consultationFollowUp(UUID organizationId, UUID userId, UUID consultationId, String type, LocalDate due);
}
