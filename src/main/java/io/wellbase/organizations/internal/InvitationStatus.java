package io.wellbase.organizations.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an invitation is, with the moves it may make: pending → accepted (its link is used) or revoked.
 * Accepted, revoked and expired are final. Not stored but derived from the row's timestamps by
 * {@link #SQL}, the one place that rule lives; shown as the lower-case name.
 */
enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED;

    /** The status of an {@code invitations} row at the statement's {@code now()}: accepted, then revoked, then expired. */
    static final String SQL = """
            CASE WHEN accepted_at IS NOT NULL THEN 'accepted'
                 WHEN revoked_at IS NOT NULL THEN 'revoked'
                 WHEN expires_at <= now() THEN 'expired'
                 ELSE 'pending' END""";

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InvitationStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean canBecome(InvitationStatus next) {
        return switch (this) {
            case PENDING -> next == ACCEPTED || next == REVOKED;
            case ACCEPTED, REVOKED, EXPIRED -> false;
        };
    }

    /** The statuses an invitation may be in to become this one, as values of {@link #SQL} (for the guarded UPDATE). */
    List<String> reachableFrom() {
        return Arrays.stream(values())
                .filter(s -> s.canBecome(this))
                .map(InvitationStatus::value)
                .toList();
    }
}
