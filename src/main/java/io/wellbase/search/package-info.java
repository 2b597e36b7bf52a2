/**
 * Global search: one index per organization of what the other modules register (clients, staff, classes,
 * sessions, products, programs, conversations and messages), kept in the same transaction as the write that
 * changed it, searched accent-insensitively, by prefix and with one or two typos in names, and scoped to what the
 * caller may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
@io.wellbase.platform.data.OwnsTables({"search_documents", "search_terms", "search_index_builds"})
@org.jspecify.annotations.NullMarked
package io.wellbase.search;
