package vn.temso.trace.boundary;

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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.persistence.PagedQuery;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.rest.Params;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.text.Texts;
import vn.temso.trace.entity.BuyerReport;

@jakarta.enterprise.context.RequestScoped
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buyer reports", description = "Suspected fakes and feedback sent from trace pages")
public class ReportsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    public record ReportView(
            String id,
            String kind,
            Integer rating,
            String message,
            String stampId,
            String cooperativeId,
            Instant createdAt) {
        static ReportView of(BuyerReport r) {
            return new ReportView(
                    r.getId(),
                    r.getKind().name(),
                    r.getRating(),
                    r.getMessage(),
                    r.getStampId(),
                    r.getCooperativeId(),
                    r.getCreatedAt());
        }
    }

    @GET
    @Transactional
    @Operation(
            summary = "Buyer reports, newest first: the cooperative's own, or its commune staff's",
            description = "Filters: q (part of the message), kind (SUSPECTED_FAKE, FEEDBACK). A page of size items"
                    + " (default 20, at most 200) and total, the count of every match.")
    public Page<ReportView> list(
            @QueryParam("q") String q,
            @QueryParam("kind") String kind,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller caller = current.require();
        PageRequest p = PageRequest.of(page, size);
        Map<String, Object> params = new HashMap<>();
        String where = switch (caller.role()) {
            case ADMIN -> "1 = 1";
            case COOP_MANAGER, COOP_MEMBER -> {
                params.put("c", caller.cooperativeId());
                yield "r.cooperativeId = :c";
            }
            case COMMUNE_STAFF, DIGITAL_TEAM -> {
                if (caller.communeKeys().isEmpty()) {
                    yield "1 = 0";
                }
                params.put("k", caller.communeKeys());
                yield "r.cooperativeId IN (SELECT c.id FROM Cooperative c WHERE c.communeKey IN :k)";
            }
        };
        StringBuilder filtered = new StringBuilder(where);
        if (Texts.clean(q) != null) {
            filtered.append(" AND LOWER(r.message) LIKE :q");
            params.put("q", "%" + Texts.key(q) + "%");
        }
        BuyerReport.Kind k = Params.enumOf(BuyerReport.Kind.class, "kind", kind);
        if (k != null) {
            filtered.append(" AND r.kind = :kind");
            params.put("kind", k);
        }
        var reports = PagedQuery.page(
                em, BuyerReport.class, "BuyerReport r", filtered.toString(), "r.createdAt DESC, r.id", params, p);
        return new Page<>(
                reports.items().stream().map(ReportView::of).toList(), reports.page(), reports.size(), reports.total());
    }
}
