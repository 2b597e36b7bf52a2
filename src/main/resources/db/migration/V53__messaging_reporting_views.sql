-- Published by messaging for insights (a client's messages are a churn feature): plain projections, so the
-- planner inlines them and messaging's own indexes serve the reader.
CREATE VIEW report_conversations AS
SELECT org_id, id, kind, client_id
FROM conversations;

CREATE VIEW report_conversation_participants AS
SELECT org_id, conversation_id, user_id, role
FROM conversation_participants;

CREATE VIEW report_messages AS
SELECT org_id, conversation_id, sender_id, created_at, deleted_at
FROM messages;

COMMENT ON VIEW report_conversations IS 'Published by messaging; read-only.';
COMMENT ON VIEW report_conversation_participants IS 'Published by messaging; read-only.';
COMMENT ON VIEW report_messages IS 'Published by messaging; read-only.';
