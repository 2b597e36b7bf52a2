package io.wellbase.notifications;

import java.util.UUID;

/**
 * Good news for a client about their own progress (an achievement earned), in the app and by push, unless they
 * switched the {@code progress} category off. Written in the caller's transaction; telling the same achievement
 * twice adds nothing.
 */
public interface ProgressNotices {

    void achievementEarned(UUID organizationId, UUID userId, UUID clientId, String code, String name, int points);
}
