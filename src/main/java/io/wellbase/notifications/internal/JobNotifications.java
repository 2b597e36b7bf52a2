package io.wellbase.notifications.internal;

import io.wellbase.dataexchange.JobFinished;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An import, export or report that a staff member started has ended: they are told whether it completed or
 * failed. A job they cancelled themselves, or one nobody started, tells nobody.
 */
@Component
class JobNotifications {

    private final StaffNotifier staff;

    JobNotifications(StaffNotifier staff) {
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(JobFinished event) {
        NotificationType type = switch (event.status()) {
            case "completed" -> NotificationType.JOB_COMPLETED;
            case "failed" -> NotificationType.JOB_FAILED;
            default -> null;
        };
        if (type == null || event.requestedBy() == null) {
            return;
        }
        staff.tell(
                event.organizationId(),
                event.requestedBy(),
                new StaffNotifier.About(
                        type,
                        event.kind(),
                        event.jobId(),
                        event.status(),
                        Map.of("kind", event.kind(), "what", event.what())));
    }
}
