package io.wellbase.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.web.ApiException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of every notification email (RFC 8058 one-click): a mail client POSTs
 * {@code List-Unsubscribe=One-Click} to it; a person opening it gets a page with one button (a GET changes
 * nothing, so link scanners cannot unsubscribe anyone). No sign-in; the token names the client record.
 */
@RestController
@Tag(name = "Notifications")
class UnsubscribeController {

    static final String PATH = "/api/v1/notifications/unsubscribe";

    private final OptOuts optOuts;

    UnsubscribeController(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @PostMapping(PATH)
    @Operation(summary = "Stop emails of one category for the link's client (one-click, no sign-in)")
    Map<String, String> unsubscribe(@RequestParam String token, @RequestParam String category) {
        Category parsed = category(category);
        optOuts.unsubscribe(token, parsed).orElseThrow(() -> ApiException.notFound("Unsubscribe link"));
        return Map.of("unsubscribed", parsed.value());
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A page with one button that unsubscribes (a GET changes nothing)")
    String page(@RequestParam String token, @RequestParam String category) {
        Category parsed = category(category);
        String action = PATH + "?token=" + HtmlUtils.htmlEscape(token) + "&category=" + parsed.value();
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
                <form method="post" action="%s"><p>Stop %s emails?</p><button type="submit">Unsubscribe</button></form>
                </body></html>
                """.formatted(action, parsed.value());
    }

    private static Category category(String value) {
        Category category = Category.parse(value)
                .orElseThrow(() -> ApiException.invalidField("category", "is not a notification category"));
        if (category.critical()) {
            throw ApiException.invalidField("category", "is critical: account emails cannot be switched off");
        }
        return category;
    }
}
