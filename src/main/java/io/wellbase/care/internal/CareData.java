package io.wellbase.care.internal;

import io.wellbase.care.internal.assessments.AssessmentStore;
import io.wellbase.care.internal.mood.MoodStore;
import io.wellbase.care.internal.sharing.Sharing;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's care data as a whole: all of it to take away, all of it to delete, all of it to move on a merge. */
@Service
class CareData {

    private final Sharing sharing;
    private final AssessmentStore assessments;
    private final MoodStore moods;

    CareData(Sharing sharing, AssessmentStore assessments, MoodStore moods) {
        this.sharing = sharing;
        this.assessments = assessments;
        this.moods = moods;
    }

    record Everything(Object sharing, List<AssessmentStore.Row> assessments, List<MoodStore.Entry> moods) {}

    record Deleted(int assessments, int moods) {}

    @Transactional(readOnly = true)
    Everything of(UUID org, UUID client) {
        return new Everything(
                sharing.of(org, client).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey().value(), java.util.Map.Entry::getValue)),
                assessments.list(org, client, null, null, null, Integer.MAX_VALUE),
                moods.between(org, client, null, null, Integer.MAX_VALUE));
    }

    @Transactional
    Deleted delete(UUID org, UUID client) {
        sharing.forget(org, client);
        return new Deleted(assessments.deleteAll(org, client), moods.deleteAll(org, client));
    }

    /** The merged record's entries and assessments now belong to the survivor; the survivor's sharing stands. */
    @Transactional
    void merge(UUID org, UUID survivor, UUID merged) {
        assessments.move(org, merged, survivor);
        moods.move(org, merged, survivor);
        sharing.forget(org, merged);
    }
}
