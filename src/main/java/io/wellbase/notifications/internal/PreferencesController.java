package io.wellbase.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's notification preferences in the organization of their token: every category on
 * every channel, on or off, and quiet hours in their own time zone. Critical categories stay on.
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "Notifications")
class PreferencesController {

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    record QuietHoursView(LocalTime start, LocalTime end, String timezone) {}

    /** {@code channels}: category → channel → on; {@code quietHours} absent when none. */
    record PreferencesView(
            Map<String, Map<String, Boolean>> channels,
            @Nullable QuietHoursView quietHours) {}

    record QuietHoursRequest(
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @NotNull @Size(max = 64) String timezone) {}

    record PreferencesRequest(
            @NotNull @Size(max = 20) Map<String, Map<String, Boolean>> channels,
            @Valid @Nullable QuietHoursRequest quietHours) {}

    @GetMapping
    @Operation(summary = "My notification preferences")
    PreferencesView get(Caller caller) {
        return view(preferences.of(caller.requireOrganization(), caller.userId()));
    }

    @PutMapping
    @Operation(summary = "Replace my notification preferences; categories and channels left out stay on")
    PreferencesView put(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        UUID orgId = caller.requireOrganization();
        Set<String> disabled = ChannelSwitches.off("channels", request.channels());
        QuietHours quiet = null;
        if (request.quietHours() != null) {
            QuietHoursRequest q = request.quietHours();
            if (q.start().equals(q.end())) {
                throw ApiException.invalidField("quietHours.end", "must differ from the start");
            }
            quiet = new QuietHours(q.start(), q.end(), zone(q.timezone()));
        }
        Preferences.Choice choice = new Preferences.Choice(disabled, quiet);
        preferences.save(orgId, caller.userId(), choice);
        return view(choice);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ApiException.invalidField("quietHours.timezone", "is not an IANA time zone");
        }
    }

    private static PreferencesView view(Preferences.Choice choice) {
        Map<String, Map<String, Boolean>> channels = ChannelSwitches.matrix(choice.disabled());
        QuietHours q = choice.quietHours();
        return new PreferencesView(
                channels,
                q == null
                        ? null
                        : new QuietHoursView(q.start(), q.end(), q.zone().getId()));
    }
}
