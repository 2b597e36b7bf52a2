package io.wellbase.notifications.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The HTML alternative of a notification email, from its plain text: the organization's logo (or name) in a
 * band of its accent colour, the text in paragraphs with its addresses as links, and the unsubscribe link at
 * the foot. Everything from the text is escaped; tables and inline styles, because mail clients ignore the rest.
 */
final class EmailLayout {

    /** The accent colour when the organization chose none. */
    static final String DEFAULT_COLOR = "#2f6f5e";

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private EmailLayout() {}

    /** How the organization looks in email. */
    record Brand(
            String name, @Nullable String logoUrl, @Nullable String color) {

        String accent() {
            return color == null ? DEFAULT_COLOR : color;
        }
    }

    static String html(Brand brand, String subject, String text, @Nullable String unsubscribeLink) {
        StringBuilder out = new StringBuilder(1024 + text.length() * 2);
        out.append(
                        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>")
                .append(escape(subject))
                .append("</title></head><body style=\"margin:0;padding:0;background:#f4f4f2;\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">")
                .append("<tr><td align=\"center\" style=\"padding:24px 12px;\">")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\"")
                .append(" style=\"max-width:600px;width:100%;background:#ffffff;border-radius:6px;\">")
                .append("<tr><td style=\"background:")
                .append(brand.accent())
                .append(";padding:16px 24px;border-radius:6px 6px 0 0;color:#ffffff;")
                .append("font:bold 18px Helvetica,Arial,sans-serif;\">");
        if (brand.logoUrl() != null) {
            out.append("<img src=\"")
                    .append(escape(brand.logoUrl()))
                    .append("\" alt=\"")
                    .append(escape(brand.name()))
                    .append("\" height=\"40\" style=\"display:block;border:0;max-height:40px;\">");
        } else {
            out.append(escape(brand.name()));
        }
        out.append("</td></tr><tr><td style=\"padding:24px;color:#222222;font:15px/1.5 Helvetica,Arial,sans-serif;\">");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            out.append("<p style=\"margin:0 0 16px;\">")
                    .append(linked(paragraph, brand.accent()).replace("\n", "<br>"))
                    .append("</p>");
        }
        out.append("</td></tr>");
        if (unsubscribeLink != null) {
            out.append("<tr><td style=\"padding:0 24px 24px;color:#777777;font:12px Helvetica,Arial,sans-serif;\">")
                    .append("<a href=\"")
                    .append(escape(unsubscribeLink))
                    .append("\" style=\"color:#777777;\">Unsubscribe</a></td></tr>");
        }
        out.append("</table></td></tr></table></body></html>");
        return out.toString();
    }

    /** The text escaped, with each address as a link in the accent colour. */
    private static String linked(String text, String accent) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"")
                    .append(url)
                    .append("\" style=\"color:")
                    .append(accent)
                    .append(";\">")
                    .append(url)
                    .append("</a>");
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
