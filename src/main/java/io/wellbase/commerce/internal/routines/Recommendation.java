package io.wellbase.commerce.internal.routines;

import io.wellbase.commerce.internal.Money;
import java.util.UUID;

/**
 * A product suggested to a client, with why ({@code reason}: bought_together, profile, treatment, replenish), a
 * sentence saying it, and a confidence from 0 to 1.
 */
public record Recommendation(
        UUID productId, String sku, String title, Money price, String reason, String because, double confidence) {}
