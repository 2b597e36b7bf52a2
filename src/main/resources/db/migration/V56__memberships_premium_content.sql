-- A plan may include premium content (care's premium programs and modules).
ALTER TABLE membership_plans ADD COLUMN premium_content BOOLEAN NOT NULL DEFAULT false;
