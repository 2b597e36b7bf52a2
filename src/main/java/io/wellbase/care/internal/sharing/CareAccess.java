package io.wellbase.care.internal.sharing;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whose care data a request may touch. A client reaches only their own; staff read a client's category only
 * with {@code care.read} and while the client shares it (otherwise the client's data does not exist for them:
 * 404), and each such read is audited.
 */
@Component
public class CareAccess {

    private final ClientAccounts accounts;
    private final ClientDirectory directory;
    private final Sharing sharing;
    private final AuditTrail audit;

    CareAccess(ClientAccounts accounts, ClientDirectory directory, Sharing sharing, AuditTrail audit) {
        this.accounts = accounts;
        this.directory = directory;
        this.sharing = sharing;
        this.audit = audit;
    }

    /** The signed-in client's own id; 403 for staff (care data is recorded by the client it belongs to). */
    public UUID self(Caller caller) {
        return accounts.requireSelf(caller);
    }

    /** Whether the caller is a client (acting on their own data) rather than staff. */
    public static boolean isClient(Caller caller) {
        return caller.role() == Role.CLIENT;
    }

    /**
     * Who reads one of a client's clinical records (a treatment plan, a consultation, a skin analysis): true for staff,
     * once {@code treatment.manage} is checked (the caller audits the reading); false for the client it belongs to;
     * another client gets a 404 for {@code what}.
     */
    public boolean staffReadsRecordOf(Caller caller, UUID recordClient, String what) {
        if (isClient(caller)) {
            if (!self(caller).equals(recordClient)) {
                throw ApiException.notFound(what);
            }
            return false;
        }
        caller.require(Permission.TREATMENT_MANAGE);
        return true;
    }

    /**
     * The client whose {@code category} staff may read, after auditing the read; 404 when the client is not the
     * organization's or does not share the category.
     */
    public UUID readable(Caller caller, UUID clientId, CareCategory category) {
        UUID org = caller.requireOrganization();
        if (isClient(caller)) {
            if (!self(caller).equals(clientId)) {
                throw ApiException.notFound("Client");
            }
            return clientId;
        }
        caller.require(Permission.CARE_READ);
        if (directory.find(org, clientId).isEmpty() || !sharing.shares(org, clientId, category)) {
            throw ApiException.notFound("Client");
        }
        audit.record(AuditRecord.of(
                org, "care.viewed", "client", clientId, Map.of("category", new AuditChange(null, category.value()))));
        return clientId;
    }
}
