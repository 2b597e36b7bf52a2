-- Products join the kinds of import (the catalogue of a shop, from a CSV).
ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
    CHECK (kind IN ('clients', 'staff', 'classes', 'visits', 'sales', 'memberships', 'pricing_options', 'products'));
