-- Conversations between a client and staff, or among staff (a team channel). last_seq is the sequence
-- number of the newest message: a new message takes last_seq + 1 under the conversation row's lock, in
-- the transaction that writes it, so numbers are gap-free and strictly increasing per conversation.
CREATE TABLE conversations (
    id              UUID        PRIMARY KEY,
    org_id          UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind            TEXT        NOT NULL CHECK (kind IN ('client', 'staff')),
    title           TEXT,
    client_id       UUID,
    created_by      UUID        NOT NULL,
    last_seq        BIGINT      NOT NULL DEFAULT 0,
    -- the newest number published to live subscribers, claimed by the node that publishes (once in all)
    pushed_seq      BIGINT      NOT NULL DEFAULT 0,
    last_message_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'client') = (client_id IS NOT NULL))
);
CREATE INDEX conversations_org_idx ON conversations (org_id, last_message_at DESC NULLS LAST, id DESC);
CREATE INDEX conversations_client_idx ON conversations (org_id, client_id) WHERE client_id IS NOT NULL;

-- Who is in a conversation: staff users, and the client's portal user. read_seq is how far they have read.
CREATE TABLE conversation_participants (
    org_id           UUID        NOT NULL,
    conversation_id  UUID        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id          UUID        NOT NULL,
    role             TEXT        NOT NULL CHECK (role IN ('staff', 'client')),
    read_seq         BIGINT      NOT NULL DEFAULT 0,
    send_receipts    BOOLEAN     NOT NULL DEFAULT true,
    joined_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    removed_at       TIMESTAMPTZ,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_participants_user_idx ON conversation_participants (org_id, user_id) WHERE removed_at IS NULL;

-- Messages, numbered per conversation. client_message_id makes a resend after a timeout answer the first
-- message. An edited message keeps its number; a deleted one stays as a tombstone (no body).
CREATE TABLE messages (
    id                 UUID        PRIMARY KEY,
    org_id             UUID        NOT NULL,
    conversation_id    UUID        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq                BIGINT      NOT NULL,
    sender_id          UUID        NOT NULL,
    type               TEXT        NOT NULL CHECK (type IN ('text', 'image', 'file', 'resource')),
    body               TEXT,
    attachment_file_id UUID,
    client_message_id  TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    edited_at          TIMESTAMPTZ,
    deleted_at         TIMESTAMPTZ,
    UNIQUE (conversation_id, seq),
    UNIQUE (conversation_id, sender_id, client_message_id)
);
