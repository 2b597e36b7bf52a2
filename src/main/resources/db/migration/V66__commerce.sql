-- Commerce: the catalogue (categories as a tree, products), stock per location kept as movements with the
-- balance beside them, what services consume, purchase orders drafted from reorder suggestions, orders with
-- their items and refunds, and the clients' favorites and routines.

CREATE TABLE product_categories (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    parent_id  UUID        REFERENCES product_categories (id),
    name       TEXT        NOT NULL,
    position   INT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX product_categories_name_idx
    ON product_categories (org_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));

CREATE TABLE products (
    id             UUID        PRIMARY KEY,
    org_id         UUID        NOT NULL,
    sku            TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    description    TEXT,
    price_amount   BIGINT      NOT NULL CHECK (price_amount >= 0),
    currency       TEXT        NOT NULL,
    tax_rate_bp    INT         NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    track_stock    BOOLEAN     NOT NULL DEFAULT true,
    category_id    UUID        REFERENCES product_categories (id),
    tags           TEXT[]      NOT NULL DEFAULT '{}',
    attributes     JSONB       NOT NULL DEFAULT '{}',
    image_file_ids UUID[]      NOT NULL DEFAULT '{}',
    lasts_days     INT         CHECK (lasts_days BETWEEN 1 AND 3650),
    active         BOOLEAN     NOT NULL DEFAULT true,
    deleted_at     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX products_sku_idx ON products (org_id, lower(sku)) WHERE deleted_at IS NULL;
CREATE INDEX products_title_idx ON products (org_id, lower(title), id) WHERE deleted_at IS NULL;
CREATE INDEX products_category_idx ON products (org_id, category_id) WHERE deleted_at IS NULL;
CREATE INDEX products_tags_idx ON products USING gin (tags) WHERE deleted_at IS NULL;
CREATE INDEX products_search_idx ON products USING gin ((lower(title || ' ' || sku)) gin_trgm_ops)
    WHERE deleted_at IS NULL;

-- Stock of a product at a location: on_hand is the sum of its movements (kept here in the same transaction as
-- each movement, so reading it needs no sum); reserved is what placed orders hold until they are fulfilled,
-- cancelled or expire. Neither can go below zero, and nothing is reserved that is not on hand.
CREATE TABLE stock_levels (
    org_id         UUID    NOT NULL,
    product_id     UUID    NOT NULL REFERENCES products (id),
    location_id    UUID    NOT NULL,
    on_hand        INT     NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved       INT     NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
    low_threshold  INT     CHECK (low_threshold >= 0),
    low_alerted    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, product_id, location_id)
);
CREATE INDEX stock_levels_location_idx ON stock_levels (org_id, location_id);

CREATE TABLE stock_movements (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    product_id  UUID        NOT NULL REFERENCES products (id),
    location_id UUID        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('receive', 'sell', 'return', 'adjust', 'transfer_out', 'transfer_in')),
    quantity    INT         NOT NULL CHECK (quantity <> 0),
    reason      TEXT,
    order_id    UUID,
    transfer_id UUID,
    created_by  UUID,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_product_idx ON stock_movements (org_id, product_id, location_id, created_at);

-- What one appointment of a service uses of a product (a fraction of a bottle per facial), for reorder advice.
CREATE TABLE service_products (
    org_id     UUID          NOT NULL,
    service_id UUID          NOT NULL,
    product_id UUID          NOT NULL REFERENCES products (id),
    quantity   NUMERIC(10,3) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (org_id, service_id, product_id)
);
CREATE INDEX service_products_product_idx ON service_products (org_id, product_id);

CREATE TABLE purchase_orders (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    location_id UUID        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('draft', 'ordered', 'received', 'cancelled')),
    note        TEXT,
    created_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX purchase_orders_idx ON purchase_orders (org_id, status, created_at DESC);

CREATE TABLE purchase_order_lines (
    id          UUID    PRIMARY KEY,
    org_id      UUID    NOT NULL,
    order_id    UUID    NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    product_id  UUID    NOT NULL REFERENCES products (id),
    quantity    INT     NOT NULL CHECK (quantity > 0),
    basis       JSONB   NOT NULL DEFAULT '{}'
);
CREATE INDEX purchase_order_lines_idx ON purchase_order_lines (org_id, order_id);

CREATE SEQUENCE order_numbers;

CREATE TABLE orders (
    id             UUID        PRIMARY KEY,
    org_id         UUID        NOT NULL,
    number         BIGINT      NOT NULL DEFAULT nextval('order_numbers'),
    client_id      UUID        NOT NULL,
    location_id    UUID        NOT NULL,
    status         TEXT        NOT NULL
        CHECK (status IN ('draft', 'pending_payment', 'paid', 'fulfilled', 'cancelled', 'refunded')),
    currency       TEXT        NOT NULL,
    subtotal       BIGINT      NOT NULL,
    discount       BIGINT      NOT NULL DEFAULT 0,
    tax            BIGINT      NOT NULL,
    total          BIGINT      NOT NULL CHECK (total >= 0),
    refunded       BIGINT      NOT NULL DEFAULT 0,
    payment_method TEXT,
    note           TEXT,
    reordered_from UUID,
    placed_at      TIMESTAMPTZ,
    expires_at     TIMESTAMPTZ,
    paid_at        TIMESTAMPTZ,
    fulfilled_at   TIMESTAMPTZ,
    cancelled_at   TIMESTAMPTZ,
    cancel_reason  TEXT,
    created_by     UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (refunded >= 0 AND refunded <= total)
);
CREATE INDEX orders_list_idx ON orders (org_id, created_at DESC, id DESC);
CREATE INDEX orders_client_idx ON orders (org_id, client_id, created_at DESC);
CREATE INDEX orders_paid_idx ON orders (org_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_expiry_idx ON orders (expires_at) WHERE status = 'pending_payment';

CREATE TABLE order_items (
    id                UUID   PRIMARY KEY,
    org_id            UUID   NOT NULL,
    order_id          UUID   NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position          INT    NOT NULL,
    product_id        UUID   NOT NULL REFERENCES products (id),
    sku               TEXT   NOT NULL,
    title             TEXT   NOT NULL,
    quantity          INT    NOT NULL CHECK (quantity > 0),
    unit_price        BIGINT NOT NULL,
    discount          BIGINT NOT NULL DEFAULT 0,
    tax_rate_bp       INT    NOT NULL,
    tax               BIGINT NOT NULL,
    total             BIGINT NOT NULL,
    refunded_quantity INT    NOT NULL DEFAULT 0 CHECK (refunded_quantity BETWEEN 0 AND quantity),
    -- whether placing the order reserved this line's units (the product tracked stock then)
    reserved          BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX order_items_order_idx ON order_items (org_id, order_id, position);
CREATE INDEX order_items_product_idx ON order_items (org_id, product_id);

CREATE TABLE order_refunds (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    order_id   UUID        NOT NULL REFERENCES orders (id),
    amount     BIGINT      NOT NULL CHECK (amount > 0),
    reason     TEXT        NOT NULL,
    restocked  BOOLEAN     NOT NULL,
    items      JSONB       NOT NULL DEFAULT '[]',
    created_by UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_refunds_order_idx ON order_refunds (org_id, order_id);

CREATE TABLE product_favorites (
    org_id       UUID        NOT NULL,
    client_id    UUID        NOT NULL,
    product_id   UUID        NOT NULL REFERENCES products (id),
    in_routine   BOOLEAN     NOT NULL DEFAULT false,
    notes        TEXT,
    last_used_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, client_id, product_id)
);

-- Routines: a client's own (client_id set), or a template staff publish (client_id null) and assign.
CREATE TABLE routines (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL,
    client_id     UUID,
    name          TEXT        NOT NULL,
    template_id   UUID        REFERENCES routines (id) ON DELETE SET NULL,
    published     BOOLEAN     NOT NULL DEFAULT false,
    created_by    UUID        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX routines_client_idx ON routines (org_id, client_id);

CREATE TABLE routine_steps (
    id           UUID PRIMARY KEY,
    org_id       UUID NOT NULL,
    routine_id   UUID NOT NULL REFERENCES routines (id) ON DELETE CASCADE,
    position     INT  NOT NULL,
    product_id   UUID REFERENCES products (id),
    instructions TEXT
);
CREATE INDEX routine_steps_idx ON routine_steps (org_id, routine_id, position);

-- What commerce publishes for reports, exports and insights: paid orders as sales beside the memberships'.
CREATE VIEW report_orders AS
SELECT org_id, id, number, client_id, location_id, status, currency, subtotal, discount, tax, total, refunded,
       payment_method, paid_at, created_at
FROM orders;

-- total is after discount and with tax; net = total - tax is what revenue counts (as the memberships' sale items)
CREATE VIEW report_order_items AS
SELECT org_id, id, order_id, product_id, sku, title, quantity, discount, tax, total, total - tax AS net
FROM order_items;

CREATE VIEW report_order_refunds AS
SELECT org_id, order_id, amount, created_at
FROM order_refunds;

CREATE VIEW report_products AS
SELECT org_id, id, sku, title, description, category_id, tags, attributes, active, deleted_at
FROM products;

COMMENT ON VIEW report_orders IS 'Published by commerce for reports, exports and insights; read-only.';
COMMENT ON VIEW report_order_items IS 'Published by commerce for reports, exports and insights; read-only.';
COMMENT ON VIEW report_order_refunds IS 'Published by commerce for reports, exports and insights; read-only.';
COMMENT ON VIEW report_products IS 'Published by commerce for search, the advisor and insights; read-only.';
