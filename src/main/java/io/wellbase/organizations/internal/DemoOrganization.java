package io.wellbase.organizations.internal;

import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.organizations.OrganizationsProperties;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.PublicUrl;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo studio: an owner whose credentials are printed at start-up, two locations with rooms,
 * and a few staff members.
 */
@Component
class DemoOrganization implements DemoDataContributor {

    static final String DEMO_NAME = DemoStudio.NAME;
    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final UserAccounts users;
    private final OrganizationStore organizations;
    private final LocationStore locations;
    private final OrganizationsProperties properties;
    private final PublicUrl publicUrl;

    DemoOrganization(
            UserAccounts users,
            OrganizationStore organizations,
            LocationStore locations,
            OrganizationsProperties properties,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.users = users;
        this.organizations = organizations;
        this.locations = locations;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public void contribute() {
        UserSummary owner = users.ensureExists(new UserAccounts.NewUser(
                properties.demoOwnerEmail(), properties.demoOwnerPassword(), "Maya", "Lindqvist", "+49 30 1234567"));
        boolean exists =
                organizations.findAllForMember(owner.id(), 100, 0).stream().anyMatch(o -> DEMO_NAME.equals(o.name()));
        if (!exists) {
            UUID orgId = Ids.newId();
            organizations.insert(orgId, DEMO_NAME, "Europe/Berlin", "EUR", "DE");
            organizations.addMember(orgId, owner.id(), Role.OWNER);
            UUID mitte = Ids.newId();
            locations.insert(
                    orgId,
                    mitte,
                    "Mitte",
                    "Europe/Berlin",
                    new LocationStore.Address("Torstraße 101", null, "Berlin", "10119", "Berlin", "DE"));
            locations.insertRoom(orgId, mitte, Ids.newId(), "Sun Room", 24);
            locations.insertRoom(orgId, mitte, Ids.newId(), "Moon Room", 12);
            UUID kreuzberg = Ids.newId();
            locations.insert(
                    orgId,
                    kreuzberg,
                    "Kreuzberg",
                    "Europe/Berlin",
                    new LocationStore.Address("Oranienstraße 25", null, "Berlin", "10999", "Berlin", "DE"));
            locations.insertRoom(orgId, kreuzberg, Ids.newId(), "Studio A", 30);
            locations.insertRoom(orgId, kreuzberg, Ids.newId(), "Reformer Room", 8);
            for (var staff : List.of(
                    new Object[] {"jonas.weber@demo.wellbase.dev", "Jonas", "Weber", Role.MANAGER},
                    new Object[] {"aiko.tanaka@demo.wellbase.dev", "Aiko", "Tanaka", Role.STAFF},
                    new Object[] {"lena.fischer@demo.wellbase.dev", "Lena", "Fischer", Role.STAFF},
                    new Object[] {"sam.okafor@demo.wellbase.dev", "Sam", "Okafor", Role.FRONT_DESK})) {
                UserSummary member = users.ensureExists(new UserAccounts.NewUser(
                        (String) staff[0], properties.demoOwnerPassword(), (String) staff[1], (String) staff[2], null));
                organizations.addMember(orgId, member.id(), (Role) staff[3]);
            }
        }
        log.info("""

                ==============================================================
                 Demo studio "{}" is ready.
                 Sign in as the owner:  {}  /  {}
                 API docs: {}/docs
                ==============================================================""", DEMO_NAME, properties.demoOwnerEmail(), properties.demoOwnerPassword(), publicUrl.base());
    }
}
