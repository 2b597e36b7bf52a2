package io.wellbase.search.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import io.wellbase.search.SearchSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the index in full where writes did not feed it: once per source and version (an installation that had
 * data before search, a source whose documents changed shape), checked every minute by a recurring job; and the
 * demo studio's, whose data is written at start-up. Each organization's documents of a type are replaced in one
 * transaction, so a search sees the old set or the new one.
 */
@Configuration(proxyBeanMethods = false)
class SearchBuilds implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(SearchBuilds.class);

    private final List<SearchSource> sources;
    private final SearchDocumentStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DemoStudio demo;

    SearchBuilds(
            List<SearchSource> sources,
            SearchDocumentStore store,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DemoStudio demo) {
        this.sources = sources;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.demo = demo;
    }

    @Bean
    RecurringTask<Void> searchBuildTask() {
        return Tasks.recurring("search-build", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> buildOutdated());
    }

    /** Builds every source not yet built at its version; answers how many were. */
    int buildOutdated() {
        int built = 0;
        for (SearchSource source : sources) {
            Integer version = jdbc.sql("SELECT version FROM search_index_builds WHERE doc_type = :type")
                    .param("type", source.type().value())
                    .query(Integer.class)
                    .optional()
                    .orElse(null);
            if (version != null && version >= source.version()) {
                continue;
            }
            long documents = 0;
            for (UUID org : source.organizations()) {
                documents += build(source, org);
            }
            jdbc.sql("""
                    INSERT INTO search_index_builds (doc_type, version) VALUES (:type, :version)
                    ON CONFLICT (doc_type) DO UPDATE SET version = excluded.version, built_at = now()
                    """)
                    .param("type", source.type().value())
                    .param("version", source.version())
                    .update();
            log.info("search: built {} ({} documents)", source.type().value(), documents);
            built++;
        }
        return built;
    }

    /** Replaces an organization's documents of the source's type with what the source has now. */
    long build(SearchSource source, UUID orgId) {
        Long count = transactions.execute(status -> {
            store.clear(orgId, source.type());
            long[] n = {0};
            source.all(orgId, batch -> {
                store.upsert(orgId, batch);
                n[0] += batch.size();
            });
            return n[0];
        });
        return count == null ? 0 : count;
    }

    @Override
    public int order() {
        return 1000;
    }

    /**
     * The demo studio's documents of every type the index has none of yet: its demo data is written at start-up,
     * partly through the modules' own writes (which feed the index) and partly directly (which does not), so each
     * type is checked on its own; a restart finds them all and does nothing.
     */
    @Override
    public void contribute() {
        demo.find().ifPresent(studio -> {
            for (SearchSource source : sources) {
                boolean indexed = jdbc.sql(
                                "SELECT EXISTS (SELECT 1 FROM search_documents WHERE org_id = :org AND doc_type = :type)")
                        .param("org", studio.id())
                        .param("type", source.type().value())
                        .query(Boolean.class)
                        .single();
                if (!indexed) {
                    build(source, studio.id());
                }
            }
        });
    }
}
