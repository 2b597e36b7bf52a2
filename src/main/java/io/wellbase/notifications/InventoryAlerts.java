package io.wellbase.notifications;

import java.util.Collection;
import java.util.UUID;

/**
 * Word to the staff who manage stock that a product is running low at a location (category {@code inventory}, in the
 * app and by email). Written in the caller's transaction; telling the same fall twice adds nothing.
 */
public interface InventoryAlerts {

    void lowStock(UUID organizationId, Collection<UUID> staffIds, LowStock low);

    /** A product at a location whose available stock fell to its threshold. */
    record LowStock(
            UUID productId,
            String sku,
            String title,
            UUID locationId,
            String locationName,
            int available,
            int threshold) {}
}
