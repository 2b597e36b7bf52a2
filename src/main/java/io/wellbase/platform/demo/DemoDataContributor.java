package io.wellbase.platform.demo;

/**
 * Adds one module's demo data when demo data is on (the embedded default). Contributors run in
 * {@link #order()} at start-up and must be idempotent: a restart finds the data there already.
 */
public interface DemoDataContributor {

    int order();

    void contribute();
}
