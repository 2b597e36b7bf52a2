package io.wellbase.care.internal.achievements;

import io.wellbase.scheduling.SchedulingEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A check-in may complete a class achievement: measured after the check-in's commit. */
@Component
class AttendanceAchievements {

    private final Achievements achievements;

    AttendanceAchievements(Achievements achievements) {
        this.achievements = achievements;
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.ClientCheckedIn event) {
        achievements.evaluate(event.organizationId(), event.clientId());
    }
}
