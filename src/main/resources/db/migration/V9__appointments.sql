-- Services (1:1 appointment types), staff working hours and time off, and appointments that can
-- never overlap for one staff member (buffers included) or one room.
CREATE TABLE services (
    id                     UUID        PRIMARY KEY,
    org_id                 UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                   TEXT        NOT NULL,
    description            TEXT,
    duration_minutes       INT         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    buffer_before_minutes  INT         NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 240),
    buffer_after_minutes   INT         NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240),
    price_amount           BIGINT      NOT NULL DEFAULT 0 CHECK (price_amount >= 0),
    currency               CHAR(3)     NOT NULL,
    needs_confirmation     BOOLEAN     NOT NULL DEFAULT false,
    staff_ids              UUID[]      NOT NULL DEFAULT '{}',
    location_ids           UUID[]      NOT NULL DEFAULT '{}',
    archived_at            TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);
CREATE INDEX services_org_idx ON services (org_id, name) WHERE archived_at IS NULL;

CREATE TABLE staff_working_hours (
    id          UUID     PRIMARY KEY,
    org_id      UUID     NOT NULL,
    staff_id    UUID     NOT NULL,
    location_id UUID     NOT NULL,
    weekday     SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time  TIME     NOT NULL,
    end_time    TIME     NOT NULL,
    CHECK (end_time > start_time),
    FOREIGN KEY (org_id, location_id) REFERENCES locations (org_id, id) ON DELETE CASCADE
);
CREATE INDEX staff_working_hours_org_staff_idx ON staff_working_hours (org_id, staff_id, weekday);

-- One-off extra working time on a date (a Saturday workshop, covering a colleague).
CREATE TABLE staff_extra_hours (
    id          UUID    PRIMARY KEY,
    org_id      UUID    NOT NULL,
    staff_id    UUID    NOT NULL,
    location_id UUID    NOT NULL,
    on_date     DATE    NOT NULL,
    start_time  TIME    NOT NULL,
    end_time    TIME    NOT NULL,
    CHECK (end_time > start_time),
    FOREIGN KEY (org_id, location_id) REFERENCES locations (org_id, id) ON DELETE CASCADE
);
CREATE INDEX staff_extra_hours_org_staff_idx ON staff_extra_hours (org_id, staff_id, on_date);

CREATE TABLE staff_time_off (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    staff_id   UUID        NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL,
    reason     TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX staff_time_off_org_staff_idx ON staff_time_off USING gist (org_id, staff_id, tstzrange(starts_at, ends_at));

CREATE TABLE appointments (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL,
    service_id    UUID        NOT NULL,
    staff_id      UUID        NOT NULL,
    client_id     UUID        NOT NULL,
    location_id   UUID        NOT NULL,
    room_id       UUID,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    blocked_from  TIMESTAMPTZ NOT NULL,
    blocked_to    TIMESTAMPTZ NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
    notes         TEXT,
    booked_by     UUID,
    cancel_reason TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at AND blocked_from <= starts_at AND blocked_to >= ends_at),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
    CONSTRAINT appointments_staff_no_overlap EXCLUDE USING gist (
        org_id WITH =, staff_id WITH =, tstzrange(blocked_from, blocked_to) WITH &&)
        WHERE (status IN ('pending', 'confirmed', 'completed')),
    CONSTRAINT appointments_room_no_overlap EXCLUDE USING gist (
        org_id WITH =, room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (room_id IS NOT NULL AND status IN ('pending', 'confirmed', 'completed'))
);
CREATE INDEX appointments_org_client_idx ON appointments (org_id, client_id, starts_at DESC);
CREATE INDEX appointments_org_start_idx ON appointments (org_id, starts_at);
