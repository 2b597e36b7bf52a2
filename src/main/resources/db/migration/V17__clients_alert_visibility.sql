-- Alerts are for staff; one marked visible_to_client is also shown in the client's own portal.
ALTER TABLE client_alerts ADD COLUMN visible_to_client BOOLEAN NOT NULL DEFAULT false;
