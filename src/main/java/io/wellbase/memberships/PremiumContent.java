package io.wellbase.memberships;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether a client may open premium content (care's premium programs and modules): they hold, on the day, an
 * active membership whose plan includes premium content (a plan setting, {@code premiumContent}).
 */
public interface PremiumContent {

    boolean includes(UUID organizationId, UUID clientId, LocalDate day);
}
