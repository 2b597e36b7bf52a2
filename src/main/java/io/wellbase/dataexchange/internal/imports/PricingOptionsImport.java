package io.wellbase.dataexchange.internal.imports;

import org.springframework.stereotype.Component;

/** Pricing options: class packs with the classes that remain and their expiry. */
@Component
class PricingOptionsImport extends PlanHoldingsImport {

    @Override
    public ImportKind kind() {
        return ImportKind.PRICING_OPTIONS;
    }

    @Override
    String entityType() {
        return "pricing_option";
    }

    @Override
    String planKind() {
        return "class_pack";
    }
}
