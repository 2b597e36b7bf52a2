-- The advisor's sessions: a client's question, how it was handled (answered by the model or the rules, or routed
-- to a counselor by the crisis layer) and the client's feedback.
CREATE TABLE ai_sessions (
    id                 UUID        PRIMARY KEY,
    org_id             UUID        NOT NULL,
    client_id          UUID        NOT NULL,
    user_id            UUID        NOT NULL,
    type               TEXT        NOT NULL CHECK (type IN ('instant', 'analysis')),
    input              TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('queued', 'answered', 'routed', 'failed')),
    method             TEXT,
    answer             TEXT,
    sources            JSONB       NOT NULL DEFAULT '[]',
    crisis_category    TEXT,
    support_session_id UUID,
    rating             SMALLINT    CHECK (rating BETWEEN 1 AND 5),
    feedback           TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at        TIMESTAMPTZ
);
CREATE INDEX ai_sessions_client_idx ON ai_sessions (org_id, client_id, created_at DESC);
