-- Idempotency keys belong to one caller, one organization (scope: its id, or '-' without one), one
-- method and path; the request's digest tells a true repeat from a reused key with another body.
ALTER TABLE idempotency_keys ADD COLUMN scope TEXT NOT NULL DEFAULT '-';
ALTER TABLE idempotency_keys ADD COLUMN request_hash TEXT;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (user_id, scope, method_path, key);
