package io.wellbase.commerce.internal.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What one appointment of a service uses of products (a fraction of a bottle per facial): reorder suggestions count
 * it for past and booked appointments, and recommendations for treatment plans that name the service.
 */
@RestController
@Tag(name = "Commerce")
class ServiceProductsController {

    private final JdbcClient jdbc;
    private final ProductStore products;
    private final AuditTrail audit;

    ServiceProductsController(JdbcClient jdbc, ProductStore products, AuditTrail audit) {
        this.jdbc = jdbc;
        this.products = products;
        this.audit = audit;
    }

    record Use(UUID productId, BigDecimal quantity) {}

    record UseBody(@Nullable UUID productId, @Nullable Number quantity) {}

    record Body(@Nullable List<UseBody> products) {}

    @GetMapping("/api/v1/services/{serviceId}/products")
    @RequiresPermission(Permission.INVENTORY_MANAGE)
    @Transactional(readOnly = true)
    @Operation(summary = "The products one appointment of the service uses")
    Map<String, List<Use>> get(Caller caller, @PathVariable UUID serviceId) {
        UUID org = caller.requireOrganization();
        requireService(org, serviceId);
        return Map.of("data", uses(org, serviceId));
    }

    @PutMapping("/api/v1/services/{serviceId}/products")
    @RequiresPermission(Permission.PRODUCT_MANAGE)
    @Transactional
    @Operation(
            summary = "Replace what one appointment of the service uses: products with quantities (up to 3 decimals)")
    Map<String, List<Use>> put(Caller caller, @PathVariable UUID serviceId, @RequestBody Body b) {
        UUID org = caller.requireOrganization();
        requireService(org, serviceId);
        List<ApiException.FieldError> errors = new ArrayList<>();
        Map<UUID, BigDecimal> uses = new LinkedHashMap<>();
        List<UseBody> given = b.products() == null ? List.of() : b.products();
        if (given.size() > 50) {
            errors.add(new ApiException.FieldError("products", "at most 50"));
        }
        for (int i = 0; i < given.size(); i++) {
            UseBody u = given.get(i);
            if (u == null
                    || u.productId() == null
                    || products.find(org, u.productId()).isEmpty()) {
                errors.add(new ApiException.FieldError(
                        "products[" + i + "].productId", "must be a product of this organization"));
                continue;
            }
            BigDecimal q =
                    u.quantity() == null ? null : new BigDecimal(u.quantity().toString());
            if (q == null
                    || q.signum() <= 0
                    || q.compareTo(BigDecimal.valueOf(1000)) > 0
                    || q.stripTrailingZeros().scale() > 3) {
                errors.add(new ApiException.FieldError(
                        "products[" + i + "].quantity", "more than 0, at most 1000, up to 3 decimals"));
                continue;
            }
            uses.put(u.productId(), q);
        }
        ApiException.throwIfInvalid(errors);
        jdbc.sql("DELETE FROM service_products WHERE org_id = :org AND service_id = :service")
                .param("org", org)
                .param("service", serviceId)
                .update();
        uses.forEach((product, q) -> jdbc.sql("""
                        INSERT INTO service_products (org_id, service_id, product_id, quantity) VALUES (:org, :service, :product, :q)
                        """)
                .param("org", org)
                .param("service", serviceId)
                .param("product", product)
                .param("q", q)
                .update());
        audit.record(AuditRecord.of(
                org,
                "service.products_set",
                "service",
                serviceId,
                Map.of("products", new AuditChange(null, uses.size()))));
        return Map.of("data", uses(org, serviceId));
    }

    private List<Use> uses(UUID org, UUID service) {
        return jdbc.sql(
                        "SELECT product_id, quantity FROM service_products WHERE org_id = :org AND service_id = :service ORDER BY product_id")
                .param("org", org)
                .param("service", service)
                .query(Rows.of(Use.class))
                .list();
    }

    private void requireService(UUID org, UUID service) {
        boolean known = jdbc.sql("SELECT count(*) FROM report_services WHERE org_id = :org AND id = :id")
                        .param("org", org)
                        .param("id", service)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw ApiException.notFound("Service");
        }
    }
}
