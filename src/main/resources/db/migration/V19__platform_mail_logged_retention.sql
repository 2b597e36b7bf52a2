-- Mail without an SMTP server is only written to the log: say so ('logged'), not 'sent'. Bodies carry
-- reset and invitation tokens: they are purged once those have expired (body_purged_at).
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check
    CHECK (status IN ('pending', 'sent', 'logged', 'failed'));
ALTER TABLE email_outbox ADD COLUMN body_purged_at TIMESTAMPTZ;
CREATE INDEX email_outbox_created_idx ON email_outbox (created_at) WHERE status <> 'pending';
CREATE INDEX import_errors_import_idx ON import_errors (import_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
CREATE INDEX one_time_tokens_expires_idx ON one_time_tokens (expires_at);
