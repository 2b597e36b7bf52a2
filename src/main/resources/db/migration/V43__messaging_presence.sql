-- Presence across nodes: every open socket has a row under the node that holds it; a node that stops
-- beating is swept with its sockets. A user's presence flips online with their first socket anywhere and
-- offline once none is left after the grace period; the statement that flips it announces it, once.
CREATE TABLE messaging_nodes (
    node_id UUID        PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_sockets (
    node_id      UUID        NOT NULL,
    session_id   TEXT        NOT NULL,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL,
    connected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (node_id, session_id)
);
CREATE INDEX user_sockets_user_idx ON user_sockets (org_id, user_id);

CREATE TABLE user_presence (
    org_id     UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL,
    online     BOOLEAN     NOT NULL,
    -- the last connect or disconnect: a user without sockets goes offline once this is past the grace period
    touched_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);

-- Emergencies also reach the organization's on-call contacts (email and/or SMS) and counselors' alert phones.
ALTER TABLE support_settings ADD COLUMN on_call JSONB NOT NULL DEFAULT '[]';
ALTER TABLE counselor_profiles ADD COLUMN alert_phone TEXT;
