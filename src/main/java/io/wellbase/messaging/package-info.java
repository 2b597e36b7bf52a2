/**
 * Conversations between clients and staff and among staff, their numbered messages, read state and
 * real-time delivery over WebSocket (STOMP at {@code /ws}), which also carries the in-app notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
@io.wellbase.platform.data.OwnsTables({
    "conversations",
    "conversation_participants",
    "messages",
    "counselor_profiles",
    "chat_sessions",
    "support_settings"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.messaging;
