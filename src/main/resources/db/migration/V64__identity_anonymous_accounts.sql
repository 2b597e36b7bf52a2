-- Anonymous accounts (wellbeing services): a generated handle instead of an email, and a recovery code (kept as a
-- hash) to set a new password; an email may be attached later, and verified as any other.
ALTER TABLE users ADD COLUMN handle TEXT;
ALTER TABLE users ADD COLUMN recovery_code_hash TEXT;
CREATE UNIQUE INDEX users_handle_key ON users (handle) WHERE handle IS NOT NULL;
