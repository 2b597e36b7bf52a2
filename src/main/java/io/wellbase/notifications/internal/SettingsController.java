package io.wellbase.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.jobs.BackgroundJobs;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's notification settings: reminder offsets before a class, the categories it sends, its
 * language, the optional messages, and its email look (logo and accent colour).
 */
@RestController
@RequestMapping("/api/v1/notifications/settings")
@Tag(name = "Notifications")
class SettingsController {

    /** The longest offset: a reminder at most two weeks before. */
    static final int MAX_OFFSET_MINUTES = 14 * 24 * 60;

    private final OrganizationNotificationSettings settings;
    private final AuditTrail audit;
    private final BackgroundJobs jobs;
    private final OneTimeTask<Void> replan;

    SettingsController(
            OrganizationNotificationSettings settings,
            AuditTrail audit,
            BackgroundJobs jobs,
            OneTimeTask<Void> notificationReplanTask) {
        this.settings = settings;
        this.audit = audit;
        this.jobs = jobs;
        this.replan = notificationReplanTask;
    }

    /** {@code channels}: category → channel → whether the organization sends it (a person may switch it off too). */
    record SettingsView(
            List<Integer> reminderOffsetMinutes,
            Set<String> disabledCategories,
            Map<String, Map<String, Boolean>> channels,
            String language,
            @Nullable Integer missYouAfterDays,
            @Nullable Integer appointmentFollowUpHours,
            @Nullable String logoUrl,
            @Nullable String brandColor) {}

    record SettingsRequest(
            @NotNull @Size(max = 5) List<Integer> reminderOffsetMinutes,
            @NotNull @Size(max = 10) Set<String> disabledCategories,
            @Nullable @Size(max = 20) Map<String, Map<String, Boolean>> channels,
            @Nullable String language,

            @Nullable @Min(7) @Max(365) Integer missYouAfterDays,

            @Nullable @Min(1) @Max(168) Integer appointmentFollowUpHours,

            @Nullable @Size(max = 500) String logoUrl,

            @Nullable @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f6f5c")
            String brandColor) {}

    /** An https address of an image, or null. */
    private static @Nullable String checkLogo(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(url.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw ApiException.invalidField("logoUrl", "must be an https:// address");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw ApiException.invalidField("logoUrl", "is not a valid address");
        }
    }

    @GetMapping
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Operation(
            summary = "Reminder offsets (minutes before the start; default 1440 and 120) and categories switched off")
    SettingsView get(CurrentOrganization org) {
        return view(settings.of(org.id()));
    }

    @PutMapping
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Transactional
    @Operation(
            summary =
                    "Replace the organization's notification settings; new offsets re-plan upcoming bookings' reminders")
    SettingsView put(CurrentOrganization org, @Valid @RequestBody SettingsRequest request) {
        TreeSet<Integer> offsets = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Integer offset : request.reminderOffsetMinutes()) {
            if (offset == null || offset < 1 || offset > MAX_OFFSET_MINUTES) {
                throw ApiException.invalidField(
                        "reminderOffsetMinutes", "each must be between 1 and " + MAX_OFFSET_MINUTES + " minutes");
            }
            offsets.add(offset);
        }
        for (String category : request.disabledCategories()) {
            Category parsed = Category.parse(category)
                    .orElseThrow(
                            () -> ApiException.invalidField("disabledCategories", category + " is not a category"));
            if (parsed.critical()) {
                throw ApiException.invalidField("disabledCategories", category + " is critical and stays on");
            }
        }
        OrganizationNotificationSettings.Settings before = settings.of(org.id());
        String language = request.language() == null ? before.language() : request.language();
        TemplatesController.checkLanguage(language);
        OrganizationNotificationSettings.Settings after = new OrganizationNotificationSettings.Settings(
                List.copyOf(offsets),
                Set.copyOf(request.disabledCategories()),
                request.channels() == null ? Set.of() : ChannelSwitches.off("channels", request.channels()),
                language,
                request.missYouAfterDays(),
                request.appointmentFollowUpHours(),
                checkLogo(request.logoUrl()),
                request.brandColor() == null ? null : request.brandColor().toLowerCase(java.util.Locale.ROOT));
        settings.save(org.id(), after);
        if (!before.reminderOffsets().equals(after.reminderOffsets())) {
            // the upcoming bookings' reminders follow the new offsets, in a background job after this commits
            jobs.runSoon(replan, org.id());
        }
        audit.record(AuditRecord.of(
                org.id(),
                "notification.settings_changed",
                "notification_settings",
                org.id(),
                Map.of(
                        "reminderOffsetMinutes",
                        new AuditChange(before.reminderOffsets(), after.reminderOffsets()),
                        "disabledCategories",
                        new AuditChange(
                                new TreeSet<>(before.disabledCategories()), new TreeSet<>(after.disabledCategories())),
                        "disabledChannels",
                        new AuditChange(
                                new TreeSet<>(before.disabledChannels()), new TreeSet<>(after.disabledChannels())),
                        "logoUrl",
                        new AuditChange(before.logoUrl(), after.logoUrl()),
                        "brandColor",
                        new AuditChange(before.brandColor(), after.brandColor()))));
        return view(after);
    }

    private static SettingsView view(OrganizationNotificationSettings.Settings s) {
        return new SettingsView(
                s.reminderOffsets(),
                new TreeSet<>(s.disabledCategories()),
                ChannelSwitches.matrix(s.disabledChannels()),
                s.language(),
                s.missYouDays(),
                s.followUpHours(),
                s.logoUrl(),
                s.brandColor());
    }
}
