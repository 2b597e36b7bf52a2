package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/version} answers without a token from the build's and git's records; the build writes
 * configuration metadata for every {@code wellbase.*} settings record, with the descriptions from their javadoc.
 */
class VersionAndMetadataIntegrationTests extends IntegrationTest {

    @Test
    void theVersionIsPublicAndNamesTheBuildAndTheCommit() {
        Api.Response r = api.get("/api/v1/version", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.field("version")).isNotBlank();
        assertThat(r.field("buildTime")).isNotBlank();
        assertThat(r.field("commitShort")).matches("[0-9a-f]{7,}");
    }

    @Test
    void everySettingsRecordHasMetadataWithDescriptions() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor ran").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Set<String> groups = new TreeSet<>();
        metadata.path("groups").forEach(g -> groups.add(g.path("name").asString()));
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> prefixes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("io.wellbase")) {
            var type = Class.forName(candidate.getBeanClassName());
            prefixes.add(type.getAnnotation(ConfigurationProperties.class).value());
        }
        assertThat(prefixes).contains("wellbase.billing", "wellbase.commerce", "wellbase.memberships");
        assertThat(groups).containsAll(prefixes);
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(p -> properties.put(p.path("name").asString(), p));
        assertThat(properties
                        .get("wellbase.billing.stripe.webhook-tolerance")
                        .path("description")
                        .asString())
                .contains("300");
        assertThat(properties
                        .get("wellbase.billing.stripe.api-base")
                        .path("defaultValue")
                        .asString())
                .isEqualTo("https://api.stripe.com");
    }
}
