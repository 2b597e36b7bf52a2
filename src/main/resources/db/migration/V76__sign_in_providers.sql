-- Sign-in with outside providers (identity): the accounts linked to a provider's subject, the authorization requests
-- in flight (state, PKCE verifier and nonce inside the serialized request; single use), and links waiting for the
-- owner of an existing account's email to confirm them.
CREATE TABLE user_identities (
    provider     TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email        TEXT,
    linked_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    PRIMARY KEY (provider, subject),
    UNIQUE (user_id, provider)
);

CREATE TABLE oauth_authorization_requests (
    state_hash      TEXT        PRIMARY KEY,
    request         BYTEA       NOT NULL,
    redirect_uri    TEXT        NOT NULL,
    link_user_id    UUID        REFERENCES users (id) ON DELETE CASCADE,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX oauth_authorization_requests_expiry_idx ON oauth_authorization_requests (expires_at);

CREATE TABLE oauth_pending_links (
    token_hash TEXT        PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider   TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    email      TEXT,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- single-use codes a provider sign-in returns with, and the tickets that start a link from a signed-in account
ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_purpose_check;
ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_purpose_check
    CHECK (purpose IN ('password_reset', 'email_verification', 'oauth_login', 'oauth_link_ticket'));
