package io.wellbase.care.internal.treatments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A treatment plan as the API shows it: with its milestones, its progress, and the appointments they suggest. */
final class TreatmentViews {

    private TreatmentViews() {}

    /** An appointment a milestone suggests: the service, and where to find its free slots around the due day. */
    record Suggestion(UUID serviceId, String serviceName, int durationMinutes, String availability) {}

    record MilestoneView(
            TreatmentStore.Milestone milestone, @Nullable Suggestion suggestedAppointment) {}

    /** Done milestones over the ones not skipped. */
    record Progress(int done, int counted, int percent) {}

    record PlanView(TreatmentStore.Plan plan, Progress progress, List<MilestoneView> milestones) {}

    static PlanView of(
            TreatmentStore.Plan plan,
            List<TreatmentStore.Milestone> milestones,
            Map<UUID, TreatmentStore.Service> services) {
        int counted = (int)
                milestones.stream().filter(m -> !m.status().equals("skipped")).count();
        int done =
                (int) milestones.stream().filter(m -> m.status().equals("done")).count();
        return new PlanView(
                plan,
                new Progress(done, counted, counted == 0 ? 0 : Math.round(100f * done / counted)),
                milestones.stream().map(m -> milestone(m, services)).toList());
    }

    static MilestoneView milestone(TreatmentStore.Milestone m, Map<UUID, TreatmentStore.Service> services) {
        TreatmentStore.Service s = m.serviceId() == null ? null : services.get(m.serviceId());
        if (s == null || !m.status().equals("pending")) {
            return new MilestoneView(m, null);
        }
        LocalDate from = m.dueOn().minusDays(3);
        LocalDate to = m.dueOn().plusDays(3);
        return new MilestoneView(
                m,
                new Suggestion(
                        s.id(),
                        s.name(),
                        s.durationMinutes(),
                        "/api/v1/availability?serviceId=" + s.id() + "&from=" + from + "&to=" + to));
    }
}
