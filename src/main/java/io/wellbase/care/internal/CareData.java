package io.wellbase.care.internal;

import io.wellbase.care.internal.achievements.Achievements;
import io.wellbase.care.internal.advisor.AdvisorStore;
import io.wellbase.care.internal.assessments.AssessmentStore;
import io.wellbase.care.internal.breathing.BreathingStore;
import io.wellbase.care.internal.mood.MoodStore;
import io.wellbase.care.internal.nutrition.FoodStore;
import io.wellbase.care.internal.programs.ProgramStore;
import io.wellbase.care.internal.sharing.Sharing;
import io.wellbase.care.internal.skin.SkinStore;
import io.wellbase.care.internal.treatments.ConsultationStore;
import io.wellbase.care.internal.treatments.TreatmentStore;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's care data as a whole (assessments, moods, breathing sessions, achievements, sharing): all of it to take away, all of it to delete, all of it to move on a merge. */
@Service
class CareData {

    private final Sharing sharing;
    private final AssessmentStore assessments;
    private final MoodStore moods;
    private final BreathingStore breathing;
    private final Achievements achievements;
    private final ProgramStore programs;
    private final TreatmentStore treatments;
    private final ConsultationStore consultations;

    private final AdvisorStore advisor;
    private final FoodStore food;
    private final SkinStore skin;

    CareData(
            SkinStore skin,
            FoodStore food,
            AdvisorStore advisor,
            TreatmentStore treatments,
            ConsultationStore consultations,
            ProgramStore programs,
            Sharing sharing,
            AssessmentStore assessments,
            MoodStore moods,
            BreathingStore breathing,
            Achievements achievements) {
        this.advisor = advisor;
        this.food = food;
        this.skin = skin;
        this.programs = programs;
        this.treatments = treatments;
        this.consultations = consultations;
        this.breathing = breathing;
        this.achievements = achievements;
        this.sharing = sharing;
        this.assessments = assessments;
        this.moods = moods;
    }

    record Everything(
            java.util.Map<String, Boolean> sharing,
            List<AssessmentStore.Row> assessments,
            List<MoodStore.Entry> moods,
            List<BreathingStore.Session> breathing,
            List<FoodStore.Entry> food) {}

    record Deleted(int assessments, int moods, int breathingSessions, int foodEntries) {}

    private static final java.time.LocalDate FIRST = java.time.LocalDate.of(1970, 1, 1);
    private static final java.time.LocalDate LAST = java.time.LocalDate.of(9999, 12, 31);

    @Transactional(readOnly = true)
    Everything of(UUID org, UUID client) {
        return new Everything(
                sharing.of(org, client).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey().value(), java.util.Map.Entry::getValue)),
                assessments.list(org, client, null, null, null, Integer.MAX_VALUE),
                moods.between(org, client, null, null, Integer.MAX_VALUE),
                breathing.between(org, client, FIRST, LAST),
                food.between(org, client, FIRST, LAST));
    }

    @Transactional
    Deleted delete(UUID org, UUID client) {
        sharing.forget(org, client);
        achievements.forget(org, client);
        programs.forget(org, client);
        advisor.forget(org, client);
        return new Deleted(
                assessments.deleteAll(org, client),
                moods.deleteAll(org, client),
                breathing.deleteAll(org, client),
                food.deleteAll(org, client));
    }

    /** An erased client's clinical records (treatment plans, consultations, skin analyses) go too; a client's own delete keeps them. */
    @Transactional
    void erase(UUID org, UUID client) {
        delete(org, client);
        treatments.forget(org, client);
        consultations.forget(org, client);
        skin.forget(org, client);
    }

    /** The merged record's data now belongs to the survivor; the survivor's sharing stands. */
    @Transactional
    void merge(UUID org, UUID survivor, UUID merged) {
        assessments.move(org, merged, survivor);
        moods.move(org, merged, survivor);
        breathing.move(org, merged, survivor);
        achievements.merge(org, survivor, merged);
        programs.merge(org, survivor, merged);
        treatments.move(org, merged, survivor);
        consultations.move(org, merged, survivor);
        advisor.move(org, merged, survivor);
        food.move(org, merged, survivor);
        skin.move(org, merged, survivor);
        sharing.forget(org, merged);
    }
}
