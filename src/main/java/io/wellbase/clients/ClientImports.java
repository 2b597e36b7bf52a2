package io.wellbase.clients;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;

/** How imported rows become clients, and how other kinds' rows find the client they name. */
public interface ClientImports {

    /** The staged columns of a clients import, after {@code ext_id} (the Client ID, or email or name and birth date). */
    String STAGING_COLUMNS = "source_id text, first_name text, last_name text, email text, mobile_phone text, "
            + "phone text, birth_date date, gender text, line1 text, city text, region text, postal_code text, "
            + "country text, status text, source text, created_at timestamp";

    /**
     * Merges staged clients: a row updates the client it was imported as before, or the client whose
     * Wellbase id or Mindbody id it carries in {@code source_id}; otherwise it creates one. Empty cells
     * never erase what is known; erased clients are not imported again; clients sharing an email are
     * imported separately, with a warning.
     */
    MergeResult merge(ImportStage stage);

    /**
     * Builds the temporary table {@code client_map(ext text, client_id uuid, erased boolean)} for the
     * distinct values of a staged column that names a client (its imported Client ID, its Wellbase id, or
     * its Mindbody id); {@code client_id} is null for an unknown one, and a merged client resolves to the
     * client it was merged into.
     */
    void mapClients(ImportStage stage, String column);
}
