-- The language an organization's messages are written in, and its own wording of a type's title and body
-- per language (validated against the type's placeholders).
ALTER TABLE notification_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
    CHECK (language IN ('en', 'de', 'es', 'fr'));

CREATE TABLE notification_templates (
    org_id     UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    type       TEXT        NOT NULL,
    language   TEXT        NOT NULL CHECK (language IN ('en', 'de', 'es', 'fr')),
    title      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, type, language)
);
