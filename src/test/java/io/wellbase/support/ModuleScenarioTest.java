package io.wellbase.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the Spring Modulith module tests ({@code @ApplicationModuleTest} with a {@code Scenario}
 * parameter): the subclass's module and what it needs, against the same real PostgreSQL as the
 * integration tests. Each module test starts its own partial context; it is closed after the class
 * so its background jobs (event retries, mail, scheduled tasks) do not keep polling the shared
 * database beside the full application's context.
 */
@TestPropertySource(
        properties = {
            "wellbase.platform.demo.enabled=false",
            "wellbase.files.local.root=target/test-files",
            "logging.level.io.wellbase=WARN"
        })
@DirtiesContext
public abstract class ModuleScenarioTest {

    @Autowired
    protected JdbcClient jdbc;

    /** The account emails' channel is the notifications module's, which no module test bootstraps. */
    @org.springframework.test.context.bean.override.mockito.MockitoBean
    io.wellbase.platform.mail.OutboundMail mail;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("wellbase.platform.db.url", TestDatabase::url);
        registry.add("wellbase.platform.db.user", TestDatabase::user);
        registry.add("wellbase.platform.db.password", TestDatabase::password);
    }

    /** Rows of a fresh organization, written straight into the tables the way the owners write them. */
    protected TestRows rows() {
        return new TestRows(jdbc);
    }
}
