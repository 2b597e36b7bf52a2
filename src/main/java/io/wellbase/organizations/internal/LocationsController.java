package io.wellbase.organizations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Locations and their rooms in the caller's organization.
 */
@RestController
@RequestMapping("/api/v1/locations")
@Tag(name = "Locations")
class LocationsController {

    private static final SortSpec SORT = LocationService.SORT;

    private final LocationService locations;

    private final org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans;

    LocationsController(
            LocationService locations,
            org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans) {
        this.locations = locations;
        this.plans = plans;
    }

    record AddressRequest(
            @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String region,
            @Size(min = 2, max = 2) String country) {

        LocationStore.Address toAddress() {
            return new LocationStore.Address(line1, line2, city, postalCode, region, country);
        }
    }

    record RoomRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Min(1) @Max(10000) Integer capacity) {}

    record RoomPatchRequest(
            @Size(min = 1, max = 100) String name,
            @Min(1) @Max(10000) Integer capacity) {}

    record CreateLocationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String timezone,
            @Valid AddressRequest address,
            @Valid @Size(max = 100) List<RoomRequest> rooms) {}

    record UpdateLocationRequest(
            @Size(min = 1, max = 200) String name,
            String timezone,
            @Valid AddressRequest address) {}

    @PostMapping
    @RequiresPermission(Permission.LOCATION_WRITE)
    @Operation(summary = "Create a location, optionally with rooms")
    ResponseEntity<LocationService.Location> create(
            CurrentOrganization org, @Valid @RequestBody CreateLocationRequest request) {
        plans.getIfAvailable(() -> io.wellbase.platform.plans.PlanGate.UNLOCKED)
                .requireRoom(org.id(), io.wellbase.platform.plans.Limit.LOCATIONS, 1);
        var created = locations.create(
                org.id(),
                new LocationService.LocationFields(
                        request.name(),
                        request.timezone(),
                        request.address() == null ? null : request.address().toAddress(),
                        request.rooms() == null
                                ? null
                                : request.rooms().stream()
                                        .map(r -> new LocationService.RoomFields(r.name(), r.capacity()))
                                        .toList()));
        return ResponseEntity.created(URI.create("/api/v1/locations/" + created.id()))
                .body(created);
    }

    @GetMapping
    @RequiresPermission(Permission.LOCATION_READ)
    @Operation(summary = "List locations; sort by name or createdAt")
    PageResult<LocationService.Location> list(
            CurrentOrganization org, @RequestParam(required = false) String q, @Paged(sortable = true) PageQuery page) {
        return locations.list(org.id(), q, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.LOCATION_READ)
    @Operation(summary = "One location with its rooms")
    LocationService.Location get(CurrentOrganization org, @PathVariable UUID id) {
        return locations.get(org.id(), id);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.LOCATION_WRITE)
    @Operation(summary = "Change a location")
    LocationService.Location update(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody UpdateLocationRequest request) {
        return locations.update(
                org.id(),
                id,
                new LocationService.LocationFields(
                        request.name(),
                        request.timezone(),
                        request.address() == null ? null : request.address().toAddress(),
                        null));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.LOCATION_WRITE)
    @Operation(
            summary = "Delete (archive) a location; 409 location.in_use while schedules that have not ended or services"
                    + " are there")
    ResponseEntity<Void> delete(CurrentOrganization org, @PathVariable UUID id) {
        locations.archive(org.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rooms")
    @RequiresPermission(Permission.LOCATION_WRITE)
    @Operation(summary = "Add a room to a location")
    ResponseEntity<LocationService.Room> addRoom(
            CurrentOrganization org, @PathVariable UUID id, @Valid @RequestBody RoomRequest request) {
        var room = locations.addRoom(org.id(), id, new LocationService.RoomFields(request.name(), request.capacity()));
        return ResponseEntity.created(URI.create("/api/v1/locations/" + id + "/rooms/" + room.id()))
                .body(room);
    }

    @PatchMapping("/{id}/rooms/{roomId}")
    @RequiresPermission(Permission.LOCATION_WRITE)
    @Operation(summary = "Change a room")
    LocationService.Room updateRoom(
            CurrentOrganization org,
            @PathVariable UUID id,
            @PathVariable UUID roomId,
            @Valid @RequestBody RoomPatchRequest request) {
        return locations.updateRoom(
                org.id(), id, roomId, new LocationService.RoomFields(request.name(), request.capacity()));
    }

    @DeleteMapping("/{id}/rooms/{roomId}")
    @RequiresPermission(Permission.LOCATION_WRITE)
    @Operation(summary = "Delete (archive) a room")
    ResponseEntity<Void> deleteRoom(CurrentOrganization org, @PathVariable UUID id, @PathVariable UUID roomId) {
        locations.archiveRoom(org.id(), id, roomId);
        return ResponseEntity.noContent().build();
    }
}
