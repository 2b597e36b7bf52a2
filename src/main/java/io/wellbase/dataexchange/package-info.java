/**
 * Data in and out of Wellbase: imports from other systems (Mindbody CSV first), exports in CSV and
 * JSON, and reports in PDF, CSV and JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data exchange")
package io.wellbase.dataexchange;
