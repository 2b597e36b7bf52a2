-- unaccent() is only STABLE; an immutable wrapper lets generated columns and indexes use it.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The CRM: a business's clients (students, members, patients).
CREATE TABLE clients (
    id                      UUID        PRIMARY KEY,
    org_id                  UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    first_name              TEXT        NOT NULL,
    last_name               TEXT        NOT NULL,
    email                   TEXT,
    email_normalized        TEXT GENERATED ALWAYS AS (lower(trim(email))) STORED,
    phone                   TEXT,
    mobile_phone            TEXT,
    phone_digits            TEXT GENERATED ALWAYS AS (
                                nullif(regexp_replace(coalesce(mobile_phone, phone, ''), '[^0-9]', '', 'g'), '')) STORED,
    birth_date              DATE,
    gender                  TEXT,
    line1                   TEXT,
    line2                   TEXT,
    city                    TEXT,
    postal_code             TEXT,
    region                  TEXT,
    country                 CHAR(2),
    emergency_name          TEXT,
    emergency_phone         TEXT,
    emergency_relationship  TEXT,
    status                  TEXT        NOT NULL DEFAULT 'active'
                                CHECK (status IN ('lead', 'active', 'inactive', 'suspended', 'churned')),
    source                  TEXT,
    referred_by_id          UUID,
    marketing_consent       BOOLEAN     NOT NULL DEFAULT false,
    waiver_signed_on        DATE,
    external_ids            JSONB       NOT NULL DEFAULT '{}',
    custom_fields           JSONB       NOT NULL DEFAULT '{}',
    merged_into_id          UUID,
    erased_at               TIMESTAMPTZ,
    search_text             TEXT GENERATED ALWAYS AS (
                                immutable_unaccent(lower(first_name || ' ' || last_name || ' ' || coalesce(email, '')
                                    || ' ' || coalesce(phone, '') || ' ' || coalesce(mobile_phone, '')))) STORED,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                 BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX clients_org_id_key ON clients (org_id, id);
-- The list and its facets always read live clients (not merged, not erased): these partial indexes
-- carry that whole predicate so counts can run as index-only scans and sorted pages need no heap
-- filter. The status index leads with status, then the default name order, so the common
-- "status = x, sorted by name" page walks it in order.
CREATE INDEX clients_org_status_idx ON clients (org_id, status, immutable_unaccent(lower(last_name)),
    immutable_unaccent(lower(first_name)), id) WHERE merged_into_id IS NULL AND erased_at IS NULL;
CREATE INDEX clients_org_name_idx ON clients (org_id, immutable_unaccent(lower(last_name)),
    immutable_unaccent(lower(first_name)), id) WHERE merged_into_id IS NULL AND erased_at IS NULL;
CREATE INDEX clients_org_created_idx ON clients (org_id, created_at, id) WHERE merged_into_id IS NULL AND erased_at IS NULL;
CREATE INDEX clients_org_email_idx ON clients (org_id, email_normalized) WHERE merged_into_id IS NULL;
CREATE INDEX clients_org_phone_idx ON clients (org_id, phone_digits) WHERE merged_into_id IS NULL;
CREATE INDEX clients_org_birth_month_idx ON clients (org_id, (extract(month FROM birth_date)::int));
CREATE INDEX clients_org_search_idx ON clients USING gist (org_id, search_text gist_trgm_ops);
CREATE INDEX clients_org_external_ids_idx ON clients USING gin (external_ids jsonb_path_ops);

CREATE TABLE client_tags (
    org_id    UUID NOT NULL,
    client_id UUID NOT NULL,
    tag       TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 50),
    PRIMARY KEY (org_id, client_id, tag),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id) ON DELETE CASCADE
);
CREATE INDEX client_tags_org_tag_idx ON client_tags (org_id, tag, client_id);

CREATE TABLE client_notes (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    client_id  UUID        NOT NULL,
    author_id  UUID        NOT NULL,
    body       TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    pinned     BOOLEAN     NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id) ON DELETE CASCADE
);
CREATE INDEX client_notes_org_client_idx ON client_notes (org_id, client_id, pinned DESC, created_at DESC);

CREATE TABLE client_alerts (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    client_id   UUID        NOT NULL,
    level       TEXT        NOT NULL CHECK (level IN ('yellow', 'red')),
    message     TEXT        NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
    created_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ,
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id) ON DELETE CASCADE
);
CREATE INDEX client_alerts_org_client_idx ON client_alerts (org_id, client_id) WHERE resolved_at IS NULL;

-- Typed custom fields, defined per organization; values live in clients.custom_fields.
CREATE TABLE client_field_definitions (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    key        TEXT        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
    label      TEXT        NOT NULL,
    type       TEXT        NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'select')),
    options    JSONB       NOT NULL DEFAULT '[]',
    required   BOOLEAN     NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, key)
);
