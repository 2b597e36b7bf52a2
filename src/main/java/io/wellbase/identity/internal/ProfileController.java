package io.wellbase.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own profile, preferences and account.
 */
@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Profile")
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    record ProfilePatchRequest(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Size(max = 40) String phone,
            UUID avatarFileId,
            @Past LocalDate birthDate,

            @Pattern(regexp = "female|male|non_binary|other|prefer_not_to_say")
            String gender,

            @Size(max = 64) String timezone,

            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
            String language) {}

    record PreferencesRequest(
            @NotNull @Pattern(regexp = "light|dark|system") String theme,

            @NotNull @Pattern(regexp = "small|medium|large|x_large")
            String fontSize,

            Map<String, Object> notifications,
            Map<String, Object> settings) {}

    @GetMapping("/profile")
    @Operation(summary = "The signed-in user's profile")
    ProfileService.Profile profile(Caller caller) {
        return profiles.profile(caller.userId());
    }

    @PatchMapping("/profile")
    @Operation(summary = "Change some profile fields; absent fields stay as they are")
    ProfileService.Profile updateProfile(Caller caller, @Valid @RequestBody ProfilePatchRequest request) {
        if (request.timezone() != null && !ZoneId.getAvailableZoneIds().contains(request.timezone())) {
            throw io.wellbase.platform.web.ApiException.invalidField("timezone", "must be an IANA time zone");
        }
        return profiles.updateProfile(
                caller.userId(),
                new ProfileService.ProfilePatch(
                        request.firstName(),
                        request.lastName(),
                        request.phone(),
                        request.avatarFileId(),
                        request.birthDate(),
                        request.gender(),
                        request.timezone(),
                        request.language()));
    }

    @GetMapping("/preferences")
    @Operation(summary = "Display and notification preferences")
    ProfileService.Preferences preferences(Caller caller) {
        return profiles.preferences(caller.userId());
    }

    @PutMapping("/preferences")
    @Operation(summary = "Replace the preferences document")
    ProfileService.Preferences replacePreferences(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        return profiles.replacePreferences(
                caller.userId(),
                new ProfileService.Preferences(
                        request.theme(), request.fontSize(), request.notifications(), request.settings()));
    }

    @DeleteMapping
    @Operation(summary = "Erase the account: personal data anonymised, sessions ended, audit trail kept")
    ResponseEntity<Void> erase(Caller caller) {
        profiles.erase(caller.userId());
        return ResponseEntity.noContent().build();
    }
}
