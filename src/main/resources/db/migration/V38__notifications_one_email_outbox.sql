-- One email outbox: account mail (password resets, email verification, invitations) joins the other
-- notifications in notification_deliveries, and the platform's email_outbox goes. Account mail may belong
-- to no organization (a password reset); the dedupe key stays unique per organization, or among those
-- without one.
ALTER TABLE notification_deliveries ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_org_id_dedupe_key_key;
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_org_id_dedupe_key_key
    UNIQUE NULLS NOT DISTINCT (org_id, dedupe_key);
-- without a provider, a message is only written to the log: 'logged', not 'sent' (nobody received it)
ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_status_check;
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_status_check
    CHECK (status IN ('queued', 'sent', 'logged', 'failed'));
-- bodies that carry a token are blanked once it has expired (retention)
ALTER TABLE notification_deliveries ADD COLUMN body_purged_at TIMESTAMPTZ;
CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at) WHERE status <> 'queued';

-- mail still waiting in the old outbox moves over as it is; what it already sent or gave up on is history.
-- (A notification mail waiting there loses its unsubscribe headers; its body still carries the link.)
INSERT INTO notification_deliveries (id, org_id, channel, type, category, recipient, subject, body, dedupe_key,
                                     status, attempts, next_attempt_at, last_error, created_at)
SELECT id, NULL, 'email',
       CASE WHEN kind = 'notification' THEN 'notification' ELSE 'account.' || kind END,
       CASE WHEN kind = 'notification' THEN 'announcements' ELSE 'account' END,
       to_address, subject, body, 'email_outbox:' || id, 'queued', attempts, next_attempt_at, last_error, created_at
FROM email_outbox
WHERE status = 'pending';
DROP TABLE email_outbox;

-- the organization's look in email: a logo and an accent colour
ALTER TABLE notification_settings ADD COLUMN logo_url TEXT;
ALTER TABLE notification_settings ADD COLUMN brand_color TEXT CHECK (brand_color ~ '^#[0-9a-f]{6}$');

-- the organization's default channels: category × channel switched off for everyone ('bookings:sms')
ALTER TABLE notification_settings ADD COLUMN disabled_channels TEXT[] NOT NULL DEFAULT '{}';
