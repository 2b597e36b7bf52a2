/**
 * What a hosted Wellbase sells in tiers: the features an endpoint may require ({@link RequiresFeature}), the
 * limits a module checks before it adds to them, and the meters that count the usage. Billing decides; a
 * self-hosted install without billing's tiers runs with everything unlocked.
 */
@org.springframework.modulith.NamedInterface("plans")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.plans;
