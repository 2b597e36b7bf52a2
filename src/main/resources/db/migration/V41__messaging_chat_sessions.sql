-- The counselor support queue: counselor profiles on staff members, and chat sessions a client opens with a
-- topic and a priority; a session is a conversation. The queue is the waiting sessions by priority, then
-- waiting time.
CREATE TABLE counselor_profiles (
    org_id          UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         UUID        NOT NULL,
    license_number  TEXT,
    specializations TEXT[]      NOT NULL DEFAULT '{}',
    bio             TEXT,
    languages       TEXT[]      NOT NULL DEFAULT '{}',
    status          TEXT        NOT NULL DEFAULT 'offline' CHECK (status IN ('available', 'busy', 'offline')),
    max_sessions    INT         NOT NULL DEFAULT 3 CHECK (max_sessions BETWEEN 1 AND 20),
    rating_sum      INT         NOT NULL DEFAULT 0,
    rating_count    INT         NOT NULL DEFAULT 0,
    total_sessions  INT         NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);

CREATE TABLE chat_sessions (
    id                UUID        PRIMARY KEY,
    org_id            UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    conversation_id   UUID        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    client_id         UUID        NOT NULL,
    client_user_id    UUID        NOT NULL,
    topic             TEXT        NOT NULL,
    priority          TEXT        NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'emergency')),
    priority_rank     INT         NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'active', 'closed')),
    counselor_id      UUID,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    accepted_at       TIMESTAMPTZ,
    first_response_at TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    closed_by         UUID,
    rating            INT CHECK (rating BETWEEN 1 AND 5),
    feedback          TEXT
);
CREATE INDEX chat_sessions_queue_idx ON chat_sessions (org_id, priority_rank DESC, created_at) WHERE status = 'waiting';
CREATE INDEX chat_sessions_counselor_idx ON chat_sessions (org_id, counselor_id) WHERE status = 'active';
CREATE INDEX chat_sessions_conversation_idx ON chat_sessions (conversation_id);
CREATE INDEX chat_sessions_client_idx ON chat_sessions (org_id, client_id, created_at DESC);
