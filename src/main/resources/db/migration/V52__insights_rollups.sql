-- Daily rollups of held classes and their bookings, by location, class type, instructor and local start hour,
-- for closed days (before yesterday in the organization's zone); the days after the watermark are read from
-- the published views. Rebuilt for the recent days nightly and for every day after an import.
CREATE TABLE insight_daily_attendance (
    org_id        UUID     NOT NULL,
    day           DATE     NOT NULL,
    location_id   UUID,
    class_type_id UUID,
    instructor_id UUID,
    hour          SMALLINT NOT NULL,
    visits        BIGINT   NOT NULL,
    bookings      BIGINT   NOT NULL,
    places_taken  BIGINT   NOT NULL,
    late_cancels  BIGINT   NOT NULL,
    no_shows      BIGINT   NOT NULL,
    waitlisted    BIGINT   NOT NULL
);
CREATE INDEX insight_daily_attendance_org_day_idx ON insight_daily_attendance (org_id, day);

CREATE TABLE insight_daily_sessions (
    org_id        UUID     NOT NULL,
    day           DATE     NOT NULL,
    location_id   UUID,
    class_type_id UUID,
    instructor_id UUID,
    hour          SMALLINT NOT NULL,
    classes       BIGINT   NOT NULL,
    capacity      BIGINT   NOT NULL
);
CREATE INDEX insight_daily_sessions_org_day_idx ON insight_daily_sessions (org_id, day);

-- Through which day an organization's rollups are complete (every day up to it built from the rows).
CREATE TABLE insight_rollup_state (
    org_id          UUID        PRIMARY KEY,
    complete_through DATE       NOT NULL,
    rebuilt_at      TIMESTAMPTZ NOT NULL
);

-- The same counts per day alone, for series and totals with no split but the period or weekday.
CREATE TABLE insight_daily_totals (
    org_id       UUID   NOT NULL,
    day          DATE   NOT NULL,
    visits       BIGINT NOT NULL,
    bookings     BIGINT NOT NULL,
    places_taken BIGINT NOT NULL,
    late_cancels BIGINT NOT NULL,
    no_shows     BIGINT NOT NULL,
    waitlisted   BIGINT NOT NULL,
    classes      BIGINT NOT NULL,
    capacity     BIGINT NOT NULL,
    PRIMARY KEY (org_id, day)
);

-- The same counts per day and location, for splits and filters by location and period alone.
CREATE TABLE insight_daily_locations (
    org_id       UUID   NOT NULL,
    day          DATE   NOT NULL,
    location_id  UUID,
    visits       BIGINT NOT NULL,
    bookings     BIGINT NOT NULL,
    places_taken BIGINT NOT NULL,
    late_cancels BIGINT NOT NULL,
    no_shows     BIGINT NOT NULL,
    waitlisted   BIGINT NOT NULL,
    classes      BIGINT NOT NULL,
    capacity     BIGINT NOT NULL
);
CREATE INDEX insight_daily_locations_org_day_idx ON insight_daily_locations (org_id, day);
