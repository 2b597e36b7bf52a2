package io.wellbase.search;

import java.util.Locale;

/** Who may find a document, besides the organization it belongs to. */
public enum SearchAudience {
    /** Staff whose role has the type's permission. */
    STAFF,
    /** Everyone in the organization, clients too (a published class, an active product). */
    EVERYONE,
    /** Only the users listed as its participants (a conversation, a message). */
    PARTICIPANTS;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
