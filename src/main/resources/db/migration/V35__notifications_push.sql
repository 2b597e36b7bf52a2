-- Web Push: a user's browsers and devices (one subscription each), and the server's VAPID key pair.
CREATE TABLE notification_push_subscriptions (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint     TEXT        NOT NULL,
    p256dh       TEXT        NOT NULL,
    auth         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, user_id, endpoint)
);
CREATE INDEX notification_push_subscriptions_user_idx ON notification_push_subscriptions (org_id, user_id);

-- One key pair for every node (the first node to need it makes it); the private key as PKCS#8.
CREATE TABLE notification_vapid_keys (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    public_key  BYTEA       NOT NULL,
    private_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
