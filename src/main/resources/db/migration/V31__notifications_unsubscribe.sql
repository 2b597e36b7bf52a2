-- Per client record: the secret of their unsubscribe links (one-click, RFC 8058, no sign-in) and the
-- categories they switched off for email that way (clients without a portal account have no preferences).
CREATE TABLE notification_optouts (
    org_id     UUID        NOT NULL,
    client_id  UUID        NOT NULL,
    token      TEXT        NOT NULL UNIQUE,
    categories TEXT[]      NOT NULL DEFAULT '{}',
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, client_id),
    FOREIGN KEY (org_id) REFERENCES organizations (id) ON DELETE CASCADE
);
