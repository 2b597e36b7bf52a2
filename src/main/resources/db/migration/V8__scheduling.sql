-- Idempotency keys: a repeated POST with the same key (by the same caller) gets the first answer.
CREATE TABLE idempotency_keys (
    user_id         UUID        NOT NULL,
    key             TEXT        NOT NULL,
    method_path     TEXT        NOT NULL,
    response_status INT,
    response_body   BYTEA,
    content_type    TEXT,
    location        TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Booking rules per organization.
CREATE TABLE scheduling_settings (
    org_id                      UUID    PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    late_cancel_hours           INT     NOT NULL DEFAULT 12 CHECK (late_cancel_hours BETWEEN 0 AND 168),
    booking_window_days         INT     NOT NULL DEFAULT 30 CHECK (booking_window_days BETWEEN 1 AND 365),
    min_notice_minutes          INT     NOT NULL DEFAULT 0 CHECK (min_notice_minutes BETWEEN 0 AND 10080),
    max_bookings_per_day        INT     CHECK (max_bookings_per_day IS NULL OR max_bookings_per_day > 0),
    waitlist_policy             TEXT    NOT NULL DEFAULT 'auto_promote' CHECK (waitlist_policy IN ('auto_promote', 'notify_all')),
    promotion_cutoff_minutes    INT     NOT NULL DEFAULT 60 CHECK (promotion_cutoff_minutes BETWEEN 0 AND 10080),
    late_cancel_forfeits        BOOLEAN NOT NULL DEFAULT true,
    no_show_forfeits            BOOLEAN NOT NULL DEFAULT true,
    penalty_credits             INT     NOT NULL DEFAULT 0 CHECK (penalty_credits BETWEEN 0 AND 10),
    updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE class_types (
    id                UUID        PRIMARY KEY,
    org_id            UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name              TEXT        NOT NULL,
    description       TEXT,
    category          TEXT,
    duration_minutes  INT         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    default_capacity  INT         NOT NULL CHECK (default_capacity BETWEEN 1 AND 10000),
    color             TEXT,
    level             TEXT,
    archived_at       TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);
CREATE INDEX class_types_org_idx ON class_types (org_id, name) WHERE archived_at IS NULL;

-- Weekly rules in the location's time zone; sessions are generated from them.
CREATE TABLE class_schedules (
    id               UUID        PRIMARY KEY,
    org_id           UUID        NOT NULL,
    class_type_id    UUID        NOT NULL,
    location_id      UUID        NOT NULL,
    room_id          UUID,
    weekdays         SMALLINT[]  NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7),
    start_time       TIME        NOT NULL,
    duration_minutes INT         NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    capacity         INT         NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    instructor_ids   UUID[]      NOT NULL DEFAULT '{}',
    first_date       DATE        NOT NULL,
    last_date        DATE,
    timezone         TEXT        NOT NULL,
    archived_at      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (last_date IS NULL OR last_date >= first_date),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, class_type_id) REFERENCES class_types (org_id, id),
    FOREIGN KEY (org_id, location_id) REFERENCES locations (org_id, id)
);
CREATE INDEX class_schedules_org_idx ON class_schedules (org_id) WHERE archived_at IS NULL;

-- Class sessions. confirmed_count is kept by conditional updates and can never pass capacity.
CREATE TABLE class_sessions (
    id                       UUID        PRIMARY KEY,
    org_id                   UUID        NOT NULL,
    class_type_id            UUID        NOT NULL,
    schedule_id              UUID,
    location_id              UUID        NOT NULL,
    room_id                  UUID,
    starts_at                TIMESTAMPTZ NOT NULL,
    ends_at                  TIMESTAMPTZ NOT NULL,
    local_date               DATE        NOT NULL,
    capacity                 INT         NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    confirmed_count          INT         NOT NULL DEFAULT 0,
    waitlist_seq             BIGINT      NOT NULL DEFAULT 0,
    status                   TEXT        NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    cancel_reason            TEXT,
    instructor_id            UUID,
    substitute_instructor_id UUID,
    meeting_url              TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                  BIGINT      NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK (confirmed_count BETWEEN 0 AND capacity),
    UNIQUE (org_id, id),
    UNIQUE (schedule_id, local_date),
    FOREIGN KEY (org_id, class_type_id) REFERENCES class_types (org_id, id),
    FOREIGN KEY (org_id, location_id) REFERENCES locations (org_id, id)
);
CREATE INDEX class_sessions_org_start_idx ON class_sessions (org_id, starts_at);
CREATE INDEX class_sessions_org_type_start_idx ON class_sessions (org_id, class_type_id, starts_at);
CREATE INDEX class_sessions_org_instructor_start_idx ON class_sessions (org_id, instructor_id, starts_at);

CREATE TABLE bookings (
    id                UUID        PRIMARY KEY,
    org_id            UUID        NOT NULL,
    session_id        UUID        NOT NULL,
    client_id         UUID        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'late_cancelled', 'attended', 'no_show')),
    waitlist_position BIGINT,
    membership_id     UUID,
    booked_by         UUID,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at      TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    checked_in_at     TIMESTAMPTZ,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, session_id) REFERENCES class_sessions (org_id, id),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id)
);
CREATE UNIQUE INDEX bookings_one_active_per_client ON bookings (session_id, client_id)
    WHERE status IN ('confirmed', 'waitlisted', 'attended');
CREATE INDEX bookings_org_session_idx ON bookings (org_id, session_id, status, waitlist_position);
CREATE INDEX bookings_org_client_idx ON bookings (org_id, client_id, created_at DESC);
