-- Billing: payments through a provider (manual or the organization's own Stripe account), refunds that never
-- exceed what was captured, invoices and credit notes numbered per organization and year without gaps, the
-- ledger of Stripe's webhook events, dunning of failed renewal charges, and the platform tier of each
-- organization.

-- The organization's own Stripe account: the secret key and the webhook signing secret sealed at rest
-- (AES-256-GCM with the installation's key-encryption key).
CREATE TABLE billing_stripe_accounts (
    org_id                UUID        PRIMARY KEY,
    secret_key_sealed     BYTEA       NOT NULL,
    webhook_secret_sealed BYTEA       NOT NULL,
    publishable_key       TEXT,
    key_hint              TEXT        NOT NULL,
    livemode              BOOLEAN     NOT NULL,
    connected_by          UUID        NOT NULL,
    connected_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Per organization: invoice details and the dunning policy.
CREATE TABLE billing_settings (
    org_id            UUID        PRIMARY KEY,
    invoice_prefix    TEXT        NOT NULL DEFAULT '',
    tax_rate_bp       INT         NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    tax_id            TEXT,
    address           TEXT,
    retry_days        INT[]       NOT NULL DEFAULT '{2,5,9}',
    grace_days        INT         NOT NULL DEFAULT 3 CHECK (grace_days BETWEEN 0 AND 90),
    final_action      TEXT        NOT NULL DEFAULT 'pause' CHECK (final_action IN ('pause', 'cancel')),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A client as a Stripe customer, with the card saved for off-session renewals.
CREATE TABLE billing_customers (
    org_id             UUID        NOT NULL,
    client_id          UUID        NOT NULL,
    stripe_customer_id TEXT        NOT NULL,
    payment_method_id  TEXT,
    card_brand         TEXT,
    card_last4         TEXT,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, client_id)
);
CREATE UNIQUE INDEX billing_customers_stripe_idx ON billing_customers (org_id, stripe_customer_id);

CREATE TABLE payments (
    id                   UUID        PRIMARY KEY,
    org_id               UUID        NOT NULL,
    client_id            UUID,
    order_id             UUID,
    membership_id        UUID,
    membership_charge_id UUID,
    invoice_id           UUID,
    description          TEXT        NOT NULL,
    amount               BIGINT      NOT NULL CHECK (amount > 0),
    currency             CHAR(3)     NOT NULL,
    captured             BIGINT      NOT NULL DEFAULT 0 CHECK (captured >= 0),
    refunded             BIGINT      NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    provider             TEXT        NOT NULL CHECK (provider IN ('manual', 'stripe')),
    method               TEXT        NOT NULL,
    status               TEXT        NOT NULL
        CHECK (status IN ('pending', 'requires_action', 'processing', 'succeeded', 'failed', 'canceled')),
    provider_payment_id  TEXT,
    client_secret        TEXT,
    failure_code         TEXT,
    failure_message      TEXT,
    off_session          BOOLEAN     NOT NULL DEFAULT false,
    -- the caller's Idempotency-Key (scoped to them), or the job's key for a renewal attempt: a retry after the
    -- provider was unreachable continues the same payment with the same key at Stripe
    request_key          TEXT,
    created_by           UUID,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    succeeded_at         TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, id),
    CHECK (captured <= amount),
    CHECK (refunded <= captured)
);
CREATE UNIQUE INDEX payments_request_key_idx ON payments (org_id, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX payments_list_idx ON payments (org_id, created_at DESC, id DESC);
CREATE INDEX payments_client_idx ON payments (org_id, client_id, created_at DESC);
CREATE INDEX payments_succeeded_idx ON payments (org_id, succeeded_at) WHERE succeeded_at IS NOT NULL;
CREATE UNIQUE INDEX payments_provider_idx ON payments (org_id, provider_payment_id) WHERE provider_payment_id IS NOT NULL;
-- at most one live payment per order and per renewal charge: a second one while the first is pending or
-- paid is refused by the database, also when two requests race
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (org_id, order_id)
    WHERE order_id IS NOT NULL AND status IN ('pending', 'requires_action', 'processing', 'succeeded');
CREATE UNIQUE INDEX payments_one_live_per_invoice ON payments (org_id, invoice_id)
    WHERE invoice_id IS NOT NULL AND status IN ('pending', 'requires_action', 'processing', 'succeeded');
CREATE UNIQUE INDEX payments_one_live_per_charge ON payments (org_id, membership_charge_id)
    WHERE membership_charge_id IS NOT NULL AND status IN ('pending', 'requires_action', 'processing', 'succeeded');

CREATE TABLE payment_refunds (
    id                 UUID        PRIMARY KEY,
    org_id             UUID        NOT NULL,
    payment_id         UUID        NOT NULL,
    amount             BIGINT      NOT NULL CHECK (amount > 0),
    reason             TEXT,
    status             TEXT        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
    provider_refund_id TEXT,
    origin             TEXT        NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'provider')),
    created_by         UUID,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, payment_id) REFERENCES payments (org_id, id)
);
CREATE INDEX payment_refunds_payment_idx ON payment_refunds (org_id, payment_id);
CREATE UNIQUE INDEX payment_refunds_provider_idx ON payment_refunds (org_id, provider_refund_id)
    WHERE provider_refund_id IS NOT NULL;

-- One counter per organization, kind and year; taken with UPDATE … RETURNING in the transaction that writes the
-- invoice, so a rolled-back invoice gives its number back and the numbers have no gaps.
CREATE TABLE invoice_sequences (
    org_id UUID NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    year   INT  NOT NULL,
    last   INT  NOT NULL,
    PRIMARY KEY (org_id, kind, year)
);

CREATE TABLE invoices (
    id               UUID        PRIMARY KEY,
    org_id           UUID        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    number           TEXT,
    year             INT,
    seq              INT,
    client_id        UUID,
    payment_id       UUID,
    refund_id        UUID,
    credits_invoice_id UUID,
    membership_charge_id UUID,
    status           TEXT        NOT NULL CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
    currency         CHAR(3)     NOT NULL,
    subtotal         BIGINT      NOT NULL,
    tax              BIGINT      NOT NULL,
    total            BIGINT      NOT NULL CHECK (total >= 0),
    tax_rate_bp      INT         NOT NULL,
    issued_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    paid_at          TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, id),
    UNIQUE (org_id, kind, year, seq),
    -- a draft has no number yet; issuing takes the next one
    CHECK (status = 'draft' OR (number IS NOT NULL AND year IS NOT NULL AND seq IS NOT NULL))
);
CREATE INDEX invoices_list_idx ON invoices (org_id, created_at DESC, id DESC);
CREATE INDEX invoices_client_idx ON invoices (org_id, client_id, created_at DESC);
CREATE UNIQUE INDEX invoices_one_per_payment ON invoices (org_id, payment_id) WHERE kind = 'invoice' AND payment_id IS NOT NULL;
CREATE UNIQUE INDEX invoices_one_per_charge ON invoices (org_id, membership_charge_id)
    WHERE kind = 'invoice' AND membership_charge_id IS NOT NULL;
CREATE UNIQUE INDEX invoices_one_per_refund ON invoices (org_id, refund_id) WHERE refund_id IS NOT NULL;

CREATE TABLE invoice_lines (
    id          UUID   PRIMARY KEY,
    org_id      UUID   NOT NULL,
    invoice_id  UUID   NOT NULL,
    position    INT    NOT NULL,
    description TEXT   NOT NULL,
    quantity    INT    NOT NULL CHECK (quantity > 0),
    unit_amount BIGINT NOT NULL,
    total       BIGINT NOT NULL,
    FOREIGN KEY (org_id, invoice_id) REFERENCES invoices (org_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (org_id, invoice_id, position);

-- Every Stripe event received, once by its id, whatever its type; processing re-reads the object's current state.
CREATE TABLE stripe_events (
    id           TEXT        PRIMARY KEY,
    org_id       UUID        NOT NULL,
    type         TEXT        NOT NULL,
    object_id    TEXT,
    created      BIGINT      NOT NULL,
    livemode     BOOLEAN     NOT NULL,
    payload      JSONB       NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed_at TIMESTAMPTZ,
    deliveries   INT         NOT NULL DEFAULT 1,
    outcome      TEXT
);
CREATE INDEX stripe_events_org_idx ON stripe_events (org_id, received_at DESC);

-- A renewal charge whose off-session payment failed, followed through the organization's dunning policy.
CREATE TABLE dunning_cases (
    id                   UUID        PRIMARY KEY,
    org_id               UUID        NOT NULL,
    membership_charge_id UUID        NOT NULL,
    membership_id        UUID        NOT NULL,
    client_id            UUID        NOT NULL,
    amount               BIGINT      NOT NULL,
    currency             CHAR(3)     NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('retrying', 'grace', 'recovered', 'lapsed')),
    attempts             INT         NOT NULL DEFAULT 1,
    first_failed_on      DATE        NOT NULL,
    next_retry_on        DATE,
    paid_through         DATE        NOT NULL,
    lapses_on            DATE,
    resolved_on          DATE,
    recovered_by         TEXT        CHECK (recovered_by IN ('retry', 'payment')),
    last_failure_code    TEXT,
    UNIQUE (org_id, membership_charge_id)
);
CREATE INDEX dunning_cases_due_idx ON dunning_cases (next_retry_on) WHERE status = 'retrying';
CREATE INDEX dunning_cases_lapse_idx ON dunning_cases (lapses_on) WHERE status = 'grace';
CREATE INDEX dunning_cases_org_idx ON dunning_cases (org_id, first_failed_on);

-- The platform tier of an organization (hosted Wellbase); no row means the configured default tier.
CREATE TABLE organization_tiers (
    org_id     UUID        PRIMARY KEY,
    tier       TEXT        NOT NULL,
    changed_by UUID,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Published for reports and insights: money in and out, read-only.
CREATE VIEW report_payments AS
SELECT id, org_id, client_id, order_id, membership_id, amount, currency, captured, refunded, provider, method, status,
       created_at, succeeded_at
FROM payments;
COMMENT ON VIEW report_payments IS 'Published by billing for reports and insights; read-only.';

CREATE VIEW report_payment_refunds AS
SELECT id, org_id, payment_id, amount, status, origin, created_at
FROM payment_refunds;
COMMENT ON VIEW report_payment_refunds IS 'Published by billing for reports and insights; read-only.';
