package io.wellbase.billing.internal.webhooks;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What Wellbase reads of a Stripe event: its id and type, and the ids of the object it is about. The object's
 * state in the event is never trusted; processing reads it from Stripe.
 */
record StripeEvent(
        String id,
        String type,
        long created,
        boolean livemode,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String paymentIntentId,
        @Nullable String wellbasePayment) {

    static @Nullable StripeEvent of(JsonNode root) {
        String id = text(root.get("id"));
        String type = text(root.get("type"));
        if (id == null || type == null || !id.startsWith("evt_")) {
            return null;
        }
        JsonNode object = root.path("data").path("object");
        String objectType = text(object.get("object"));
        String objectId = text(object.get("id"));
        String intent = "payment_intent".equals(objectType) ? objectId : text(object.get("payment_intent"));
        return new StripeEvent(
                id,
                type,
                root.path("created").asLong(0),
                root.path("livemode").asBoolean(false),
                objectType,
                objectId,
                intent,
                text(object.path("metadata").get("wellbase_payment")));
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }
}
