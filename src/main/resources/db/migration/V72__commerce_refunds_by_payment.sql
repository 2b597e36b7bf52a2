-- A card payment's refund, taken through billing (or made in Stripe's dashboard), is recorded on its order too; the
-- one made at Stripe has nobody in Wellbase behind it.
ALTER TABLE order_refunds ALTER COLUMN created_by DROP NOT NULL;
