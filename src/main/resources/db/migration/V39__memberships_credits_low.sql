-- A class pack whose balance fell to the warning threshold is warned once (the time is kept); it is armed
-- again when its balance rises above the threshold (a top-up, a renewal).
ALTER TABLE client_memberships ADD COLUMN credits_low_warned_at TIMESTAMPTZ;
