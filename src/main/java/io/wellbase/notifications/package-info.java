/**
 * In-app notifications, and email, SMS and push messages delivered once and on time: what the other
 * modules' events mean to a person, reminders before a class, preferences and quiet hours, and signed outgoing webhooks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@io.wellbase.platform.data.OwnsTables({
    "notifications",
    "notification_deliveries",
    "notification_reminders",
    "notification_preferences",
    "notification_settings",
    "notification_optouts",
    "notification_broadcasts",
    "notification_templates",
    "notification_push_subscriptions",
    "notification_vapid_keys",
    "webhook_endpoints",
    "webhook_deliveries",
    "webhook_attempts"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.notifications;
