/**
 * Conversations between clients and staff and among staff, their numbered messages, read state and
 * real-time delivery over WebSocket (STOMP at {@code /ws}), which also carries the in-app notifications;
 * presence across nodes; the counselor support queue. A module that judges text may provide a
 * {@link io.wellbase.messaging.CrisisClassifier}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
@io.wellbase.platform.data.PublishesViews({"report_conversations", "report_conversation_participants", "report_messages"
})
@io.wellbase.platform.data.OwnsTables({
    "conversations",
    "conversation_participants",
    "messages",
    "counselor_profiles",
    "chat_sessions",
    "support_settings",
    "messaging_nodes",
    "user_sockets",
    "user_presence"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.messaging;
