package vn.temso.audit.boundary;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.audit.entity.AuditEntry;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;

@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what and when (append-only)")
public class AuditResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    public record EntryView(
            String id,
            Instant occurredAt,
            String actor,
            String actorRole,
            String onBehalfOf,
            String cooperativeId,
            String action,
            String entityType,
            String entityId,
            String summary) {
        static EntryView of(AuditEntry e) {
            return new EntryView(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getActor(),
                    e.getActorRole(),
                    e.getOnBehalfOf(),
                    e.getCooperativeId(),
                    e.getAction(),
                    e.getEntityType(),
                    e.getEntityId(),
                    e.getSummary());
        }
    }

    @GET
    @Transactional
    @Operation(
            summary = "Audit entries, newest first",
            description = "Admins see all; commune staff and digital teams their communes;"
                    + " managers their cooperative. Filter by entityId, cooperativeId, actor (a username), or"
                    + " onBehalf=true for what community digital teams entered for cooperatives (onBehalfOf names"
                    + " the cooperative, actor the team member).")
    public Page<EntryView> list(
            @QueryParam("entityId") String entityId,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("actor") String actor,
            @QueryParam("onBehalf") boolean onBehalf,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller caller = current.requireRole(Role.ADMIN, Role.COMMUNE_STAFF, Role.DIGITAL_TEAM, Role.COOP_MANAGER);
        PageRequest p = PageRequest.of(page, size);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        switch (caller.role()) {
            case COOP_MANAGER -> {
                where.append(" AND a.cooperativeId = :coop");
                params.put("coop", caller.cooperativeId());
            }
            case COMMUNE_STAFF, DIGITAL_TEAM -> {
                where.append(caller.communeKeys().isEmpty() ? " AND 1 = 0" : " AND a.communeKey IN :communes");
                if (!caller.communeKeys().isEmpty()) {
                    params.put("communes", caller.communeKeys());
                }
            }
            default -> {}
        }
        if (entityId != null) {
            where.append(" AND a.entityId = :entity");
            params.put("entity", entityId);
        }
        if (cooperativeId != null) {
            where.append(" AND a.cooperativeId = :only");
            params.put("only", cooperativeId);
        }
        if (actor != null) {
            where.append(" AND a.actor = :actor");
            params.put("actor", actor.strip().toLowerCase(Locale.ROOT)); // usernames are stored lower case
        }
        if (onBehalf) {
            where.append(" AND a.onBehalfOf IS NOT NULL");
        }
        var entries = PagedQuery.page(
                em, AuditEntry.class, "AuditEntry a", where.toString(), "a.occurredAt DESC, a.id", params, p);
        return new Page<>(
                entries.items().stream().map(EntryView::of).toList(), entries.page(), entries.size(), entries.total());
    }
}
