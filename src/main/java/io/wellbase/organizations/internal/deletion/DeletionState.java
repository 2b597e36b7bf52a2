package io.wellbase.organizations.internal.deletion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's deletion as its owners see it: whether it is scheduled, the text to type to schedule it, the
 * grace period, and the exports to take first.
 *
 * @param confirmation what {@code confirmation} must be to schedule the deletion: the organization's name
 * @param graceDays how long after scheduling it can be restored; then everything of it is removed
 * @param exports the exports of the organization's data, to download before scheduling
 */
record DeletionState(
        DeletionStatus status,
        String confirmation,
        long graceDays,
        @Nullable OffsetDateTime requestedAt,
        @Nullable UUID requestedBy,
        @Nullable OffsetDateTime dueAt,
        List<ExportOffer> exports) {

    /** One export to take before the data is gone. */
    record ExportOffer(String name, String href) {}
}
