package io.wellbase.dataexchange;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import, export or report job ended: completed, failed or cancelled. Published in the transaction that
 * ends it, so it is delivered exactly when the job's row says it ended.
 *
 * @param kind        {@code import}, {@code export} or {@code report}
 * @param what        what it was about: the import's kind (clients, visits…), the export's or report's type
 * @param status      {@code completed}, {@code failed} or {@code cancelled}
 * @param requestedBy who started it, when a person did
 */
public record JobFinished(
        UUID organizationId,
        UUID jobId,
        String kind,
        String what,
        String status,
        @Nullable UUID requestedBy) {}
