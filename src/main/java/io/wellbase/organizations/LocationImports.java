package io.wellbase.organizations;

import io.wellbase.platform.imports.ImportStage;

/** How imported rows find the location they name. */
public interface LocationImports {

    /**
     * Builds {@code location_map(name_key, id, timezone)} for the location names of a staged column,
     * creating the missing ones in the organization's time zone; an empty name maps to the oldest
     * location, created as "Main" when the organization has none.
     */
    void mapLocations(ImportStage stage, String column);
}
