package io.wellbase.scheduling.internal;

import io.wellbase.clients.ClientAccounts;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The access rule of endpoints that serve both staff and a business's clients: a client acts only
 * on their own records, staff need the permission.
 */
@Component
public class PortalAccess {

    private final ClientAccounts clientAccounts;

    PortalAccess(ClientAccounts clientAccounts) {
        this.clientAccounts = clientAccounts;
    }

    /** The client's own id for a client; empty for staff holding {@code BOOKING_MANAGE} (403 otherwise). */
    public Optional<UUID> selfOrBookingStaff(Caller caller) {
        if (caller.role() == Role.CLIENT) {
            return Optional.of(clientAccounts.requireSelf(caller));
        }
        caller.require(Permission.BOOKING_MANAGE);
        return Optional.empty();
    }

    /** The organization whose timetable a client of it, or staff with {@code SCHEDULE_READ}, may read. */
    public UUID timetableOf(Caller caller) {
        if (caller.role() == Role.CLIENT) {
            clientAccounts.requireSelf(caller);
        } else {
            caller.require(Permission.SCHEDULE_READ);
        }
        return caller.requireOrganization();
    }

    public UUID requireSelf(Caller caller) {
        return clientAccounts.requireSelf(caller);
    }
}
