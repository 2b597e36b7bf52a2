-- Extra MIME headers of a queued email (List-Unsubscribe and List-Unsubscribe-Post for notifications).
ALTER TABLE email_outbox ADD COLUMN headers JSONB NOT NULL DEFAULT '{}';
