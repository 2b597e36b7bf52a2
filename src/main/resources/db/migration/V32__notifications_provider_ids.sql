-- Provider callbacks (Twilio's status) find their delivery by the provider's id for the message.
CREATE INDEX notification_deliveries_provider_idx ON notification_deliveries (provider_id) WHERE provider_id IS NOT NULL;
