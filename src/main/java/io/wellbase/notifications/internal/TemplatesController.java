package io.wellbase.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification texts: every type's built-in title and body per language with its placeholders, and the
 * organization's own wording of them (a placeholder the type does not know is a 400, not a broken message).
 */
@RestController
@RequestMapping("/api/v1/notifications/templates")
@Tag(name = "Notifications")
class TemplatesController {

    private final Templates templates;
    private final TemplateOverrides overrides;
    private final AuditTrail audit;

    TemplatesController(Templates templates, TemplateOverrides overrides, AuditTrail audit) {
        this.templates = templates;
        this.overrides = overrides;
        this.audit = audit;
    }

    record TemplateView(
            String type, String language, String title, String body, Set<String> placeholders, boolean overridden) {}

    record TemplateRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 5000) String body) {}

    @GetMapping
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Operation(summary = "Every type's title and body per language (the organization's own where it set one)")
    Map<String, List<TemplateView>> list(CurrentOrganization org) {
        List<TemplateOverrides.Override> own = overrides.all(org.id());
        List<TemplateView> views = new ArrayList<>();
        for (NotificationType type : NotificationType.values()) {
            for (String language : Templates.LANGUAGES) {
                var mine = own.stream()
                        .filter(o ->
                                o.type().equals(type.value()) && o.language().equals(language))
                        .findFirst();
                Templates.Text text = mine.map(o -> new Templates.Text(o.title(), o.body()))
                        .orElse(templates.standard(type, language));
                views.add(new TemplateView(
                        type.value(),
                        language,
                        text.title(),
                        text.body(),
                        templates.placeholders(type),
                        mine.isPresent()));
            }
        }
        return Map.of("data", views);
    }

    @PutMapping("/{type}/{language}")
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Transactional
    @Operation(summary = "The organization's own title and body of a type in a language; only the type's placeholders")
    TemplateView put(
            CurrentOrganization org,
            @PathVariable String type,
            @PathVariable String language,
            @Valid @RequestBody TemplateRequest request) {
        NotificationType parsed = type(type);
        checkLanguage(language);
        for (String text : List.of(request.title(), request.body())) {
            templates.unknownPlaceholder(parsed, text).ifPresent(name -> {
                throw ApiException.invalidField(
                        text == request.title() ? "title" : "body",
                        "{" + name + "} is not a placeholder of " + parsed.value() + "; it knows "
                                + templates.placeholders(parsed));
            });
        }
        overrides.save(
                org.id(), new TemplateOverrides.Override(parsed.value(), language, request.title(), request.body()));
        audit.record(AuditRecord.of(
                org.id(),
                "notification.template_changed",
                "notification_template",
                org.id(),
                Map.of(parsed.value() + "." + language, new AuditChange(null, request.title()))));
        return new TemplateView(
                parsed.value(), language, request.title(), request.body(), templates.placeholders(parsed), true);
    }

    @DeleteMapping("/{type}/{language}")
    @RequiresPermission(Permission.NOTIFICATION_MANAGE)
    @Transactional
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Back to the built-in text of a type in a language")
    void delete(CurrentOrganization org, @PathVariable String type, @PathVariable String language) {
        NotificationType parsed = type(type);
        checkLanguage(language);
        if (!overrides.delete(org.id(), parsed.value(), language)) {
            throw ApiException.notFound("Template override");
        }
        audit.record(AuditRecord.of(
                org.id(),
                "notification.template_reset",
                "notification_template",
                org.id(),
                Map.of(parsed.value() + "." + language, new AuditChange("custom", null))));
    }

    private static NotificationType type(String value) {
        return Arrays.stream(NotificationType.values())
                .filter(t -> t.value().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Notification type"));
    }

    static void checkLanguage(String language) {
        if (!Templates.LANGUAGES.contains(language)) {
            throw ApiException.invalidField("language", "must be one of " + Templates.LANGUAGES);
        }
    }
}
