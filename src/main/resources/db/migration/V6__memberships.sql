-- Membership plans: what a business sells.
CREATE TABLE membership_plans (
    id                   UUID        PRIMARY KEY,
    org_id               UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                 TEXT        NOT NULL,
    description          TEXT,
    kind                 TEXT        NOT NULL CHECK (kind IN ('unlimited', 'class_pack', 'drop_in', 'intro_offer', 'subscription')),
    price_amount         BIGINT      NOT NULL CHECK (price_amount >= 0),
    currency             CHAR(3)     NOT NULL,
    credits              INT         CHECK (credits IS NULL OR credits > 0),
    period_unit          TEXT        NOT NULL CHECK (period_unit IN ('day', 'week', 'month', 'year')),
    period_count         INT         NOT NULL CHECK (period_count BETWEEN 1 AND 3650),
    auto_renew           BOOLEAN     NOT NULL DEFAULT false,
    weekly_booking_limit INT         CHECK (weekly_booking_limit IS NULL OR weekly_booking_limit > 0),
    class_type_ids       UUID[]      NOT NULL DEFAULT '{}',
    service_ids          UUID[]      NOT NULL DEFAULT '{}',
    location_ids         UUID[]      NOT NULL DEFAULT '{}',
    archived_at          TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);
CREATE INDEX membership_plans_org_idx ON membership_plans (org_id, name) WHERE archived_at IS NULL;

-- A client's membership: one sale of a plan, with its period and state. History is kept.
CREATE TABLE client_memberships (
    id                   UUID        PRIMARY KEY,
    org_id               UUID        NOT NULL,
    client_id            UUID        NOT NULL,
    plan_id              UUID        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('pending', 'active', 'frozen', 'expired', 'cancelled')),
    starts_on            DATE        NOT NULL,
    ends_on              DATE        NOT NULL,
    auto_renew           BOOLEAN     NOT NULL DEFAULT false,
    cancel_at_period_end BOOLEAN     NOT NULL DEFAULT false,
    cancelled_at         TIMESTAMPTZ,
    cancel_reason        TEXT,
    reminded_for_end     DATE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    version              BIGINT      NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
    FOREIGN KEY (org_id, plan_id) REFERENCES membership_plans (org_id, id)
);
CREATE INDEX client_memberships_org_client_idx ON client_memberships (org_id, client_id, status, ends_on);
CREATE INDEX client_memberships_org_status_end_idx ON client_memberships (org_id, status, ends_on);
CREATE INDEX client_memberships_due_idx ON client_memberships (ends_on) WHERE status IN ('active', 'frozen');

CREATE TABLE membership_freezes (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL,
    membership_id UUID        NOT NULL,
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL,
    created_by    UUID,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on),
    FOREIGN KEY (org_id, membership_id) REFERENCES client_memberships (org_id, id) ON DELETE CASCADE
);
CREATE INDEX membership_freezes_org_membership_idx ON membership_freezes (org_id, membership_id, starts_on);

-- The credit ledger: every grant, use, refund, expiry and adjustment is a row; a membership's
-- balance is the sum of its deltas. Uses of unlimited plans are rows with delta 0, so weekly
-- booking limits count from the same ledger.
CREATE TABLE credit_ledger (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL,
    client_id     UUID        NOT NULL,
    membership_id UUID        NOT NULL,
    delta         INT         NOT NULL,
    reason        TEXT        NOT NULL CHECK (reason IN ('grant', 'use', 'refund', 'expiry', 'adjustment', 'forfeit', 'merge')),
    booking_id    UUID,
    used_for      TIMESTAMPTZ,
    note          TEXT,
    created_by    UUID,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, membership_id) REFERENCES client_memberships (org_id, id) ON DELETE CASCADE
);
CREATE INDEX credit_ledger_org_membership_idx ON credit_ledger (org_id, membership_id, created_at);
CREATE INDEX credit_ledger_org_client_used_idx ON credit_ledger (org_id, client_id, used_for) WHERE reason = 'use';
CREATE INDEX credit_ledger_org_booking_idx ON credit_ledger (org_id, booking_id) WHERE booking_id IS NOT NULL;

-- Sales (manual payments for now) so that revenue has a source, with their items and refunds.
CREATE TABLE sales (
    id              UUID        PRIMARY KEY,
    org_id          UUID        NOT NULL,
    client_id       UUID        NOT NULL,
    sold_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    currency        CHAR(3)     NOT NULL,
    subtotal        BIGINT      NOT NULL CHECK (subtotal >= 0),
    discount        BIGINT      NOT NULL DEFAULT 0 CHECK (discount >= 0),
    tax             BIGINT      NOT NULL DEFAULT 0 CHECK (tax >= 0),
    total           BIGINT      NOT NULL CHECK (total >= 0),
    refunded        BIGINT      NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= total),
    payment_method  TEXT        NOT NULL CHECK (payment_method IN ('cash', 'card_terminal', 'bank_transfer', 'complimentary', 'other')),
    note            TEXT,
    created_by      UUID,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id)
);
CREATE INDEX sales_org_sold_idx ON sales (org_id, sold_at DESC, id);
CREATE INDEX sales_org_client_idx ON sales (org_id, client_id, sold_at DESC);

CREATE TABLE sale_items (
    id            UUID   PRIMARY KEY,
    org_id        UUID   NOT NULL,
    sale_id       UUID   NOT NULL,
    description   TEXT   NOT NULL,
    plan_id       UUID,
    membership_id UUID,
    quantity      INT    NOT NULL CHECK (quantity > 0),
    unit_amount   BIGINT NOT NULL CHECK (unit_amount >= 0),
    total         BIGINT NOT NULL CHECK (total >= 0),
    FOREIGN KEY (org_id, sale_id) REFERENCES sales (org_id, id) ON DELETE CASCADE
);
CREATE INDEX sale_items_org_sale_idx ON sale_items (org_id, sale_id);

CREATE TABLE sale_refunds (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    sale_id    UUID        NOT NULL,
    amount     BIGINT      NOT NULL CHECK (amount > 0),
    reason     TEXT,
    created_by UUID,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, sale_id) REFERENCES sales (org_id, id) ON DELETE CASCADE
);

-- Renewal charges recorded as due; the billing module collects them later.
CREATE TABLE membership_charges (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL,
    membership_id UUID        NOT NULL,
    amount        BIGINT      NOT NULL CHECK (amount >= 0),
    currency      CHAR(3)     NOT NULL,
    period_start  DATE        NOT NULL,
    period_end    DATE        NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'collected', 'void')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (membership_id, period_start),
    FOREIGN KEY (org_id, membership_id) REFERENCES client_memberships (org_id, id) ON DELETE CASCADE
);
CREATE INDEX membership_charges_org_status_idx ON membership_charges (org_id, status, period_start);
