-- Failed sign-ins per account (normalized email), for the failed-login limit: an exact count over a
-- sliding window, shared by every node. Old rows are purged by the retention job.
CREATE TABLE login_failures (
    email_normalized TEXT        NOT NULL,
    failed_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX login_failures_email_idx ON login_failures (email_normalized, failed_at);

-- The organization a user last worked in: a sign-in of someone in several organizations resumes there.
ALTER TABLE users ADD COLUMN last_org_id UUID;
