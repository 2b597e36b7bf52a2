package io.wellbase.organizations;

import io.wellbase.platform.security.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Locations and staff as other modules see them (scheduling needs a location's time zone and rooms,
 * and whether an instructor works here).
 */
public interface Locations {

    Optional<LocationInfo> find(UUID organizationId, UUID locationId);

    /**
     * Where something took place: the location's name and time zone, also when it has been archived since
     * (history, calendar feeds); empty for an unknown id or another organization's.
     */
    Optional<Place> place(UUID organizationId, UUID locationId);

    /** A location's name and IANA time zone. */
    record Place(String name, String timezone) {}

    /** The organization's locations that are not archived, by name. */
    List<UUID> activeLocations(UUID organizationId);

    /** The organization's staff members with their roles, in the order they joined. */
    List<StaffMember> staff(UUID organizationId);

    /** A member of the staff. */
    record StaffMember(UUID userId, Role role, OffsetDateTime joinedAt) {}

    /** Whether the user is a staff member (any staff role) of the organization. */
    boolean isStaff(UUID organizationId, UUID userId);

    /** A location with its time zone and rooms. */
    record LocationInfo(UUID id, String name, String timezone, List<RoomInfo> rooms) {

        public Optional<RoomInfo> room(UUID roomId) {
            return rooms.stream().filter(r -> r.id().equals(roomId)).findFirst();
        }
    }

    /** A room and its capacity. */
    record RoomInfo(UUID id, String name, int capacity) {}
}
