package io.wellbase.organizations.internal;

import io.wellbase.platform.data.Rows;
import io.wellbase.platform.demo.DemoStudio;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link DemoStudio}: the oldest organization with the demo name, and its first owner. */
@Component
class DemoStudioLookup implements DemoStudio {

    private final JdbcClient jdbc;

    DemoStudioLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Studio> find() {
        return jdbc.sql("""
                SELECT o.id, (SELECT m.user_id FROM org_members m WHERE m.org_id = o.id AND m.role = 'owner'
                              ORDER BY m.created_at, m.user_id LIMIT 1) AS owner_id
                FROM organizations o WHERE o.name = :name ORDER BY o.created_at, o.id LIMIT 1
                """).param("name", NAME).query(Rows.of(Studio.class)).optional();
    }
}
