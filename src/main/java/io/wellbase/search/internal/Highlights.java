package io.wellbase.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where the matched words are in a text as shown (accents and case kept): a word matches when, without accents and
 * in lower case, it equals a term or starts with a prefix term ({@code mul*}). Offsets, not markup, so a front end
 * highlights without trusting HTML from the server.
 */
final class Highlights {

    private static final int SNIPPET = 160;

    private Highlights() {}

    record Range(int start, int end) {}

    record Snippet(String text, List<Range> highlights) {}

    /** The first of the texts with a match, cut to a window around the first match; the title when none matches. */
    static Snippet snippet(List<String> terms, String title, @Nullable String... others) {
        List<String> texts = new ArrayList<>();
        texts.add(title);
        for (String other : others) {
            if (other != null && !other.isBlank()) {
                texts.add(other);
            }
        }
        for (String text : texts) {
            List<Range> ranges = ranges(text, terms);
            if (!ranges.isEmpty()) {
                return window(text, ranges);
            }
        }
        return window(title, List.of());
    }

    static List<Range> ranges(String text, List<String> terms) {
        List<Range> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = normalize(text.substring(start, i));
            if (matches(word, terms)) {
                out.add(new Range(start, i));
            }
        }
        return out;
    }

    private static boolean matches(String word, List<String> terms) {
        for (String term : terms) {
            boolean prefix = term.endsWith("*");
            String t = prefix ? term.substring(0, term.length() - 1) : term;
            if (prefix ? word.startsWith(t) : word.equals(t)) {
                return true;
            }
        }
        return false;
    }

    static String normalize(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed
                .replaceAll("\\p{M}+", "")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o");
    }

    private static Snippet window(String text, List<Range> ranges) {
        if (text.length() <= SNIPPET) {
            return new Snippet(text, ranges);
        }
        int from = ranges.isEmpty() ? 0 : Math.max(0, ranges.getFirst().start() - SNIPPET / 4);
        int to = Math.min(text.length(), from + SNIPPET);
        int shift = from;
        List<Range> inside = ranges.stream()
                .filter(r -> r.start() >= shift && r.end() <= to)
                .map(r -> new Range(r.start() - shift, r.end() - shift))
                .toList();
        return new Snippet(text.substring(from, to), inside);
    }
}
