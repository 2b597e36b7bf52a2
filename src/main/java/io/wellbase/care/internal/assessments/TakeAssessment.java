package io.wellbase.care.internal.assessments;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.messaging.EmergencySupport;
import io.wellbase.platform.data.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client completes an instrument: the answers are scored and banded and stored; an answer above 0 to PHQ-9's
 * item on self-harm opens an emergency session in the counselor queue in the same transaction (the counselors on
 * duty, or the owners and admins, and the on-call contacts are alerted at once) and the client is shown where to
 * find immediate help.
 */
@Service
class TakeAssessment {

    private final AssessmentStore store;
    private final EmergencySupport emergencies;
    private final AuditTrail audit;
    private final Clock clock;

    TakeAssessment(AssessmentStore store, EmergencySupport emergencies, AuditTrail audit, Clock clock) {
        this.store = store;
        this.emergencies = emergencies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Answers already checked against the instrument: one per item, each on its scale. */
    record Command(UUID org, UUID clientId, UUID clientUserId, Instrument instrument, List<Integer> answers) {}

    /** What the client is told at once when an answer signals danger. */
    record Safety(
            boolean escalated,
            String message,
            String crisisLine,
            @Nullable UUID supportSessionId) {}

    record Taken(
            AssessmentStore.Row assessment,
            Instrument.Band band,
            @Nullable Safety safety) {}

    @Transactional
    Taken take(Command c) {
        Instrument instrument = c.instrument();
        int score = instrument.score(c.answers());
        Instrument.Band band = instrument.band(score);
        boolean selfHarm = instrument == Instruments.PHQ9 && c.answers().get(Instruments.PHQ9_SELF_HARM_ITEM - 1) > 0;
        UUID id = Ids.newId();
        Safety safety = null;
        UUID session = null;
        if (selfHarm) {
            EmergencySupport.Opened opened =
                    emergencies.open(c.org(), c.clientId(), c.clientUserId(), "PHQ-9: thoughts of self-harm reported");
            session = opened.sessionId();
            safety = new Safety(
                    true,
                    "You said you have had thoughts of hurting yourself. You are not alone: a counselor has been"
                            + " asked to reach you. If you are in danger now, call " + opened.crisisLine() + ".",
                    opened.crisisLine(),
                    session);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.insert(
                c.org(),
                id,
                c.clientId(),
                instrument.code(),
                c.answers(),
                score,
                band.code(),
                selfHarm,
                session,
                now,
                c.clientUserId());
        audit.record(AuditRecord.of(
                c.org(),
                "assessment.completed",
                "assessment",
                id,
                Map.of(
                        "instrument", new AuditChange(null, instrument.code()),
                        "selfHarmFlagged", new AuditChange(null, selfHarm))));
        AssessmentStore.Row row = store.list(c.org(), c.clientId(), instrument.code(), null, null, 1)
                .getFirst();
        return new Taken(row, band, safety);
    }
}
