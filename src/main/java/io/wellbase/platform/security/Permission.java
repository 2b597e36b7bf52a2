package io.wellbase.platform.security;

import static io.wellbase.platform.security.Role.ADMIN;
import static io.wellbase.platform.security.Role.FRONT_DESK;
import static io.wellbase.platform.security.Role.MANAGER;
import static io.wellbase.platform.security.Role.OWNER;
import static io.wellbase.platform.security.Role.STAFF;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one permission matrix: what each role may do inside its organization. Endpoints name the
 * permission they need with {@link RequiresPermission}; {@code docs/permissions.md} is generated
 * from this enum by a test, so the documentation cannot drift from the code.
 */
public enum Permission {
    ORGANIZATION_UPDATE(
            "Change the organization's profile, settings and public join link (every member may read the profile)",
            OWNER,
            ADMIN),
    ORGANIZATION_DELETE(
            "Schedule the organization's deletion (everything of it is removed after a grace period) or restore it",
            OWNER),
    LOCATION_READ("See locations and rooms", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    LOCATION_WRITE("Create, change and delete locations and rooms", OWNER, ADMIN, MANAGER),
    MEMBER_READ("See the staff list and roles", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    MEMBER_INVITE("Invite staff and revoke invitations", OWNER, ADMIN),
    MEMBER_MANAGE("Change a member's role or remove a member (only owners grant or take the owner role)", OWNER, ADMIN),
    AUDIT_READ("Read and export the audit trail", OWNER, ADMIN),
    API_KEY_MANAGE(
            "Make, list and revoke the organization's API keys (a key never has a scope its maker's role lacks)",
            OWNER,
            ADMIN),
    CLIENT_READ("See client records, notes and alerts", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    CLIENT_WRITE("Create and change clients, their tags, notes and alerts", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    CLIENT_MANAGE("Merge, export and erase clients; define custom client fields", OWNER, ADMIN, MANAGER),
    MEMBERSHIP_READ("See plans, memberships, credit balances and sales", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    MEMBERSHIP_SELL("Sell, freeze, cancel and renew memberships", OWNER, ADMIN, MANAGER, FRONT_DESK),
    MEMBERSHIP_MANAGE("Define plans, adjust credits and refund sales", OWNER, ADMIN, MANAGER),
    SCHEDULE_READ("See class types, schedules, sessions and rosters", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    SCHEDULE_MANAGE(
            "Define class types and schedules; create, change and cancel sessions; booking rules",
            OWNER,
            ADMIN,
            MANAGER),
    BOOKING_MANAGE("Book, cancel and check in clients", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    FILE_UPLOAD("Upload files, see their details and delete them", OWNER, ADMIN, MANAGER, STAFF, FRONT_DESK),
    DATA_IMPORT("Import clients, staff, classes, visits, sales and memberships from other systems", OWNER, ADMIN),
    DATA_EXPORT("Export clients, visits, sales, memberships, bookings, staff and classes", OWNER, ADMIN, MANAGER),
    REPORT_RUN("Run reports and download them", OWNER, ADMIN, MANAGER),
    NOTIFICATION_MANAGE(
            "See and retry notification deliveries; set reminder offsets and the categories the organization sends",
            OWNER,
            ADMIN,
            MANAGER),
    WEBHOOK_MANAGE(
            "Register, change and delete webhook endpoints, rotate their secrets, replay deliveries", OWNER, ADMIN),
    CONVERSATION_START(
            "Start conversations with clients and among staff; add and remove their participants",
            OWNER,
            ADMIN,
            MANAGER,
            STAFF,
            FRONT_DESK),
    CONVERSATION_READ_ALL(
            "Read every conversation of the organization, also those they are not in (each reading is audited)",
            OWNER,
            ADMIN),
    ANALYTICS_READ(
            "See dashboards, analytics, churn predictions and scheduling advice, and ask questions about them"
                    + " (money figures need revenue reading too)",
            OWNER,
            ADMIN,
            MANAGER,
            STAFF,
            FRONT_DESK),
    REVENUE_READ("See revenue, refunds and forecasts in dashboards, analytics and answers", OWNER, ADMIN, MANAGER),
    ANALYTICS_MANAGE("Set how long app events are kept, and retrain the churn model", OWNER, ADMIN),
    CARE_READ(
            "See the care data a client shares (mood, assessments, breathing, nutrition); without the client's consent it stays hidden,"
                    + " and every reading is audited",
            OWNER,
            ADMIN,
            MANAGER,
            STAFF),
    CARE_MANAGE("Define the organization's breathing techniques, achievements and programs", OWNER, ADMIN, MANAGER),
    TREATMENT_MANAGE(
            "Write and read clients' treatment plans and consultations (every reading is audited)",
            OWNER,
            ADMIN,
            MANAGER,
            STAFF),
    PRODUCT_MANAGE(
            "Create, change, import and delete products and categories; set what services consume",
            OWNER,
            ADMIN,
            MANAGER),
    INVENTORY_MANAGE(
            "See stock; receive, adjust and transfer it; set low-stock thresholds; review reorder suggestions and"
                    + " purchase orders",
            OWNER,
            ADMIN,
            MANAGER,
            FRONT_DESK),
    ORDER_SELL(
            "See orders; place orders for clients, fulfil and cancel them (their payment is taken with payment.take)",
            OWNER,
            ADMIN,
            MANAGER,
            STAFF,
            FRONT_DESK),
    ORDER_REFUND("Refund orders, in part or in full", OWNER, ADMIN, MANAGER),
    PAYMENT_TAKE(
            "See payments and invoices; take payments for orders, memberships or amounts (by hand or by card), save"
                    + " a client's card",
            OWNER,
            ADMIN,
            MANAGER,
            STAFF,
            FRONT_DESK),
    PAYMENT_REFUND("Refund payments, in part or in full (never more than was captured)", OWNER, ADMIN, MANAGER),
    BILLING_MANAGE(
            "Connect the organization's Stripe account; set invoice details and the dunning policy; see dunning"
                    + " figures; change the platform tier",
            OWNER,
            ADMIN);

    private final String description;
    private final Set<Role> roles;

    Permission(String description, Role first, Role... rest) {
        this.description = description;
        this.roles = EnumSet.of(first, rest);
    }

    public String description() {
        return description;
    }

    /** The name in documentation and API key scopes: {@code client_read}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The permission named {@code value} ({@code client_read}), if there is one. */
    public static Optional<Permission> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(p -> p.value().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public boolean grantedTo(@Nullable Role role) {
        return role != null && roles.contains(role);
    }
}
