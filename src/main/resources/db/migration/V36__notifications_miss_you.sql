-- "We miss you": a message to clients whose last visit was this many days ago and who have nothing
-- booked (off while NULL).
ALTER TABLE notification_settings ADD COLUMN miss_you_days INT CHECK (miss_you_days BETWEEN 7 AND 365);
