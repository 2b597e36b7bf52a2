package io.wellbase.dataexchange.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an import, export or report job is, with the moves it may make: queued → processing (again
 * after a dead node's attempt) → completed, failed or cancelled; a queued job may also be cancelled,
 * or fail before it starts. A finished job never moves. Stored and shown as the lower-case name.
 */
public enum JobStatus {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Another move than {@link #canBecome} allows. */
    public static final class IllegalTransition extends IllegalStateException {
        IllegalTransition(JobStatus from, JobStatus to) {
            super("A job that is " + from.value() + " cannot become " + to.value());
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean canBecome(JobStatus next) {
        return switch (this) {
            case QUEUED -> next == PROCESSING || next == CANCELLED || next == FAILED;
            case PROCESSING -> next == PROCESSING || next == COMPLETED || next == FAILED || next == CANCELLED;
            case COMPLETED, FAILED, CANCELLED -> false;
        };
    }

    /** The statuses a job may be in to become this one, as stored values (for the guarded UPDATE). */
    public List<String> reachableFrom() {
        Set<JobStatus> from = EnumSet.noneOf(JobStatus.class);
        Arrays.stream(values()).filter(s -> s.canBecome(this)).forEach(from::add);
        return from.stream().map(JobStatus::value).toList();
    }

    /** Throws {@link IllegalTransition} unless this may become {@code next}. */
    public void requireCanBecome(JobStatus next) {
        if (!canBecome(next)) {
            throw new IllegalTransition(this, next);
        }
    }
}
