package io.wellbase.commerce;

import java.util.UUID;

/**
 * A product's available stock at a location fell to its low-stock threshold: the staff who manage stock are told.
 * Published once per fall ({@code fallId} tells falls apart); stock must rise above the threshold to fall again.
 */
public record StockRanLow(
        UUID organizationId,
        UUID fallId,
        UUID productId,
        String sku,
        String title,
        UUID locationId,
        String locationName,
        int available,
        int threshold) {}
