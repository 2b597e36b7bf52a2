package io.wellbase.care.internal.programs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a reader sees of a program. Premium programs and modules are shown locked, not hidden, to a client whose
 * plan does not include premium content; a module released some days after enrolment shows the day it opens; a
 * module's content is given only when it is open to the reader (staff always).
 */
final class ProgramViews {

    private ProgramViews() {}

    record Summary(
            UUID id,
            String title,
            @Nullable String description,
            @Nullable String category,
            @Nullable Integer durationDays,
            String difficulty,
            boolean premium,
            boolean active,
            boolean locked,
            boolean enrolled) {}

    record ModuleView(
            UUID id,
            int position,
            String title,
            @Nullable String description,
            @Nullable Integer minutes,
            String type,
            boolean required,
            boolean premium,
            int releaseAfterDays,
            boolean locked,
            @Nullable LocalDate availableOn,
            boolean available,
            boolean completed,
            @Nullable JsonNode content) {}

    record Detail(Summary program, @Nullable Progress progress, List<ModuleView> modules) {}

    /** A client's place in a program. */
    record Progress(
            UUID programId,
            String title,
            String status,
            int requiredCompleted,
            int requiredTotal,
            int percent,
            int modulesCompleted,
            OffsetDateTime enrolledAt,
            @Nullable OffsetDateTime startedAt,
            @Nullable OffsetDateTime completedAt) {}

    /** Who reads: staff see everything; a client sees what their plan and enrolment open. */
    record Reader(boolean staff, boolean premiumAccess, LocalDate today) {

        boolean locked(ProgramStore.Program p, ProgramStore.@Nullable Module m) {
            return !staff && !premiumAccess && (p.premium() || (m != null && m.premium()));
        }
    }

    static Summary summary(ProgramStore.Program p, Reader reader, boolean enrolled) {
        return new Summary(
                p.id(),
                p.title(),
                p.description(),
                p.category(),
                p.durationDays(),
                p.difficulty(),
                p.premium(),
                p.active(),
                reader.locked(p, null),
                enrolled);
    }

    static ModuleView module(
            ProgramStore.Program p,
            ProgramStore.Module m,
            Reader reader,
            ProgramStore.@Nullable Enrollment enrollment,
            Set<UUID> completed) {
        boolean locked = reader.locked(p, m);
        LocalDate opens = enrollment == null ? null : enrollment.enrolledOn().plusDays(m.releaseAfterDays());
        boolean available = !locked && opens != null && !reader.today().isBefore(opens);
        return new ModuleView(
                m.id(),
                m.position(),
                m.title(),
                m.description(),
                m.minutes(),
                m.type(),
                m.required(),
                m.premium(),
                m.releaseAfterDays(),
                locked,
                opens,
                available,
                completed.contains(m.id()),
                reader.staff() || available ? m.content() : null);
    }

    static Progress progress(
            ProgramStore.Program p,
            List<ProgramStore.Module> modules,
            ProgramStore.Enrollment e,
            List<ProgramStore.Completion> completions) {
        Set<UUID> done = completions.stream()
                .map(ProgramStore.Completion::moduleId)
                .collect(java.util.stream.Collectors.toSet());
        int total = (int) modules.stream().filter(ProgramStore.Module::required).count();
        int requiredDone = (int) modules.stream()
                .filter(m -> m.required() && done.contains(m.id()))
                .count();
        String status = e.completedAt() != null ? "completed" : done.isEmpty() ? "not_started" : "in_progress";
        int percent = total == 0 ? (e.completedAt() != null ? 100 : 0) : Math.round(100f * requiredDone / total);
        return new Progress(
                p.id(),
                p.title(),
                status,
                requiredDone,
                total,
                percent,
                done.size(),
                e.enrolledAt(),
                e.startedAt(),
                e.completedAt());
    }
}
