package io.wellbase.organizations.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.organizations.LocationUsage;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.SortSpec;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locations with their rooms. Deleting archives, so that history that points at a location stays.
 */
@Service
class LocationService {

    static final SortSpec SORT = SortSpec.of(Map.of("name", "name", "createdAt", "created_at"), "name", "id");

    private final LocationStore store;
    private final AuditTrail audit;
    private final List<LocationUsage> usages;

    LocationService(LocationStore store, AuditTrail audit, List<LocationUsage> usages) {
        this.store = store;
        this.audit = audit;
        this.usages = usages;
    }

    /** Archiving a location that schedules or services still use would strand them. */
    static final class LocationInUse extends ApiException {

        LocationInUse(List<String> uses) {
            super(
                    HttpStatus.CONFLICT,
                    "location.in_use",
                    "The location still has " + String.join(" and ", uses)
                            + "; end or archive them, or move them to another location, first");
        }
    }

    /** A location as the API shows it. */
    record Location(
            UUID id,
            String name,
            String timezone,
            LocationStore.Address address,
            List<Room> rooms,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    /** A room as the API shows it. */
    record Room(UUID id, String name, int capacity) {}

    /** A new room, or a room's new fields. */
    record RoomFields(String name, Integer capacity) {}

    /** A new location, or the fields of a change (null stays as it is). */
    record LocationFields(String name, String timezone, LocationStore.Address address, List<RoomFields> rooms) {}

    @Transactional
    public Location create(UUID orgId, LocationFields fields) {
        UUID id = Ids.newId();
        String tz = Checks.timezone("timezone", fields.timezone());
        LocationStore.Address address = normalise(fields.address());
        store.insert(orgId, id, fields.name().trim(), tz, address);
        if (fields.rooms() != null) {
            fields.rooms()
                    .forEach(r ->
                            store.insertRoom(orgId, id, Ids.newId(), r.name().trim(), r.capacity()));
        }
        Location created = get(orgId, id);
        audit.record(AuditRecord.of(orgId, "location.created", "location", id, AuditChange.created(snapshot(created))));
        return created;
    }

    @Transactional(readOnly = true)
    public Location get(UUID orgId, UUID id) {
        LocationStore.LocationRow row = store.find(orgId, id).orElseThrow(() -> ApiException.notFound("Location"));
        return withRooms(orgId, List.of(row)).getFirst();
    }

    @Transactional(readOnly = true)
    public PageResult<Location> list(UUID orgId, String q, PageQuery page) {
        String query = q == null || q.isBlank() ? null : q.trim();
        List<LocationStore.LocationRow> rows =
                store.page(orgId, query, page.orderBy(SORT), page.pageSize(), page.offset());
        return PageResult.of(withRooms(orgId, rows), page, store.count(orgId, query));
    }

    @Transactional
    public Location update(UUID orgId, UUID id, LocationFields patch) {
        Location current = get(orgId, id);
        String name = patch.name() == null ? current.name() : patch.name().trim();
        String tz = patch.timezone() == null ? current.timezone() : Checks.timezone("timezone", patch.timezone());
        LocationStore.Address address = patch.address() == null ? current.address() : normalise(patch.address());
        store.update(orgId, id, name, tz, address);
        Location updated = get(orgId, id);
        audit.record(AuditRecord.of(
                orgId, "location.updated", "location", id, AuditChange.diff(snapshot(current), snapshot(updated))));
        return updated;
    }

    @Transactional
    public void archive(UUID orgId, UUID id) {
        Location current = get(orgId, id);
        List<String> uses =
                usages.stream().flatMap(u -> u.liveUses(orgId, id).stream()).toList();
        if (!uses.isEmpty()) {
            throw new LocationInUse(uses);
        }
        store.archive(orgId, id);
        audit.record(AuditRecord.of(
                orgId, "location.deleted", "location", id, AuditChange.diff(snapshot(current), Map.of())));
    }

    @Transactional
    public Room addRoom(UUID orgId, UUID locationId, RoomFields fields) {
        get(orgId, locationId);
        UUID id = Ids.newId();
        store.insertRoom(orgId, locationId, id, fields.name().trim(), fields.capacity());
        audit.record(AuditRecord.of(
                orgId,
                "room.created",
                "room",
                id,
                AuditChange.created(Map.of(
                        "locationId", locationId, "name", fields.name().trim(), "capacity", fields.capacity()))));
        return new Room(id, fields.name().trim(), fields.capacity());
    }

    @Transactional
    public Room updateRoom(UUID orgId, UUID locationId, UUID roomId, RoomFields patch) {
        LocationStore.RoomRow room =
                store.findRoom(orgId, locationId, roomId).orElseThrow(() -> ApiException.notFound("Room"));
        String name = patch.name() == null ? room.name() : patch.name().trim();
        int capacity = patch.capacity() == null ? room.capacity() : patch.capacity();
        store.updateRoom(orgId, roomId, name, capacity);
        audit.record(AuditRecord.of(
                orgId,
                "room.updated",
                "room",
                roomId,
                AuditChange.diff(
                        Map.of("name", room.name(), "capacity", room.capacity()),
                        Map.of("name", name, "capacity", capacity))));
        return new Room(roomId, name, capacity);
    }

    @Transactional
    public void archiveRoom(UUID orgId, UUID locationId, UUID roomId) {
        LocationStore.RoomRow room =
                store.findRoom(orgId, locationId, roomId).orElseThrow(() -> ApiException.notFound("Room"));
        store.archiveRoom(orgId, roomId);
        audit.record(AuditRecord.of(
                orgId,
                "room.deleted",
                "room",
                roomId,
                AuditChange.diff(Map.of("name", room.name(), "capacity", room.capacity()), Map.of())));
    }

    private List<Location> withRooms(UUID orgId, List<LocationStore.LocationRow> rows) {
        Map<UUID, List<Room>> rooms =
                store
                        .rooms(
                                orgId,
                                rows.stream().map(LocationStore.LocationRow::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(
                                LocationStore.RoomRow::locationId,
                                Collectors.mapping(
                                        r -> new Room(r.id(), r.name(), r.capacity()), Collectors.toList())));
        return rows.stream()
                .map(r -> new Location(
                        r.id(),
                        r.name(),
                        r.timezone(),
                        r.address(),
                        rooms.getOrDefault(r.id(), List.of()),
                        r.createdAt(),
                        r.updatedAt()))
                .toList();
    }

    private static LocationStore.Address normalise(LocationStore.Address a) {
        if (a == null) {
            return new LocationStore.Address(null, null, null, null, null, null);
        }
        String country = a.country() == null ? null : Checks.country("address.country", a.country());
        return new LocationStore.Address(a.line1(), a.line2(), a.city(), a.postalCode(), a.region(), country);
    }

    private static Map<String, Object> snapshot(Location l) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", l.name());
        map.put("timezone", l.timezone());
        map.put("address", l.address());
        return map;
    }
}
