/**
 * Data in and out of Wellbase: imports from other systems (Mindbody CSV first), exports in CSV and
 * JSON, and reports in PDF, CSV and JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data exchange")
@io.wellbase.platform.data.OwnsTables({
    "imports",
    "import_errors",
    "import_keys",
    "reports",
    "exports",
    "mindbody_connections",
    "mindbody_syncs"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.dataexchange;
