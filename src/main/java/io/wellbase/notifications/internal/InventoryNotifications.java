package io.wellbase.notifications.internal;

import io.wellbase.commerce.StockRanLow;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.security.Permission;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Stock running low at a location, told to every staff member who manages stock (in the app and by email). */
@Component
class InventoryNotifications {

    private final StaffNotifier staff;
    private final Locations locations;

    InventoryNotifications(StaffNotifier staff, Locations locations) {
        this.staff = staff;
        this.locations = locations;
    }

    @ApplicationModuleListener
    void on(StockRanLow e) {
        for (Locations.StaffMember m : locations.staff(e.organizationId())) {
            if (!Permission.INVENTORY_MANAGE.grantedTo(m.role())) {
                continue;
            }
            staff.tell(
                    e.organizationId(),
                    m.userId(),
                    new StaffNotifier.About(
                            NotificationType.STOCK_LOW,
                            "product",
                            e.productId(),
                            "low:" + e.fallId() + ":" + m.userId(),
                            Map.of(
                                    "title", e.title(),
                                    "sku", e.sku(),
                                    "location", e.locationName(),
                                    "available", e.available(),
                                    "threshold", e.threshold())));
        }
    }
}
