package io.wellbase.memberships.internal;

import java.util.Locale;

/**
 * Where a client's membership is, with the moves it may make: pending → active (its first day);
 * active ⇄ frozen (a freeze period); pending, active or frozen → expired (past its end) or cancelled;
 * a renewal makes an active, frozen or expired membership active again. A cancelled membership never
 * moves: a new one is sold instead. Stored and shown as the lower-case name.
 */
enum MembershipStatus {
    PENDING,
    ACTIVE,
    FROZEN,
    EXPIRED,
    CANCELLED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MembershipStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the membership still runs (it may be used, frozen or cancelled). */
    boolean running() {
        return this == PENDING || this == ACTIVE || this == FROZEN;
    }

    boolean canBecome(MembershipStatus next) {
        return switch (this) {
            case PENDING -> next == ACTIVE || next == FROZEN || next == EXPIRED || next == CANCELLED;
            case ACTIVE -> next == ACTIVE || next == FROZEN || next == EXPIRED || next == CANCELLED;
            case FROZEN -> next == ACTIVE || next == FROZEN || next == EXPIRED || next == CANCELLED;
            case EXPIRED -> next == ACTIVE;
            case CANCELLED -> false;
        };
    }
}
