-- Notifications: what a user sees in the app, every message handed to a channel (one row per
-- recipient, type, occurrence and channel, so a second trigger of the same event adds nothing),
-- reminders waiting for their time, and preferences.

-- In-app notifications: a user's inbox in one organization.
CREATE TABLE notifications (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        TEXT        NOT NULL,
    category    TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    entity_type TEXT,
    entity_id   UUID,
    dedupe_key  TEXT        NOT NULL,
    read_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, dedupe_key)
);
-- the inbox, newest first, and the unread count
CREATE INDEX notifications_inbox_idx ON notifications (org_id, user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (org_id, user_id) WHERE read_at IS NULL;

-- Messages for the email, SMS and push channels, delivered by the dispatcher with retries.
CREATE TABLE notification_deliveries (
    id              UUID        PRIMARY KEY,
    org_id          UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    channel         TEXT        NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
    type            TEXT        NOT NULL,
    category        TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    client_id       UUID,
    user_id         UUID,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    dedupe_key      TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    provider_id     TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    UNIQUE (org_id, dedupe_key)
);
-- the dispatcher's queue: due rows in time order
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX notification_deliveries_org_idx ON notification_deliveries (org_id, id DESC);
CREATE INDEX notification_deliveries_org_status_idx ON notification_deliveries (org_id, status, id DESC);

-- Reminders before a class or an appointment, at the organization's offsets.
CREATE TABLE notification_reminders (
    id             UUID        PRIMARY KEY,
    org_id         UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind           TEXT        NOT NULL CHECK (kind IN ('class', 'appointment')),
    entity_id      UUID        NOT NULL,
    session_id     UUID,
    client_id      UUID        NOT NULL,
    offset_minutes INT         NOT NULL CHECK (offset_minutes > 0),
    starts_at      TIMESTAMPTZ NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled', 'skipped')),
    done_at        TIMESTAMPTZ,
    UNIQUE (org_id, entity_id, offset_minutes)
);
CREATE INDEX notification_reminders_due_idx ON notification_reminders (due_at) WHERE status = 'pending';
CREATE INDEX notification_reminders_session_idx ON notification_reminders (org_id, session_id) WHERE status = 'pending';

-- Per user and organization: a category on a channel switched off, and quiet hours.
CREATE TABLE notification_preferences (
    org_id      UUID    NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id     UUID    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    disabled    TEXT[]  NOT NULL DEFAULT '{}',
    quiet_start TIME,
    quiet_end   TIME,
    timezone    TEXT,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL) AND (quiet_start IS NULL OR timezone IS NOT NULL))
);

-- Per organization: reminder offsets (minutes before the start) and categories switched off.
CREATE TABLE notification_settings (
    org_id              UUID    PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    reminder_offsets    INT[]   NOT NULL DEFAULT '{1440,120}',
    disabled_categories TEXT[]  NOT NULL DEFAULT '{}',
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
