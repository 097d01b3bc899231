package vn.temso.portal.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.outbox.OutboxStatus;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.rest.Params;
import vn.temso.portal.control.PortalMapping;
import vn.temso.portal.control.PortalOutbox;
import vn.temso.portal.control.PortalSettings;
import vn.temso.portal.entity.PortalOutboxEntry;

/** The national-portal connection: status, and the staff retry of a failed delivery. */
@Path("portal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "National portal", description = "Records of lots for the National Product Traceability Portal")
public class PortalResource {

    @Inject
    PortalOutbox outbox;

    @Inject
    PortalSettings settings;

    @GET
    @Path("status")
    @Operation(
            summary = "Whether records are sent, the mapping in use, counts per status, the last error, the queued"
                    + " versions",
            description = "In the caller's scope (a cooperative sees its own lots). Filters: status (PENDING, SENDING,"
                    + " SYNCED, FAILED, HELD, SUPERSEDED), page, size. Never shows a secret or a server path.")
    public PortalStatusView status(
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        var rows = outbox.rows(Params.enumOf(OutboxStatus.class, "status", status), PageRequest.of(page, size));
        String problem = settings.problem();
        String mappingProblem = settings.mappingProblem();
        PortalStatusView.Mapping mapping;
        if (mappingProblem == null) {
            var fields = settings.mapping().fields();
            mapping = new PortalStatusView.Mapping(
                    settings.mappingOrigin(),
                    fields.size(),
                    (int) fields.stream().filter(PortalMapping.Field::required).count(),
                    null);
        } else {
            mapping = new PortalStatusView.Mapping(settings.mappingOrigin(), null, null, mappingProblem);
        }
        PortalOutboxEntry last = outbox.lastError();
        return new PortalStatusView(
                problem == null,
                PortalRecordView.message(problem),
                settings.target().host(),
                settings.target().auth(),
                mapping,
                outbox.counts(),
                last == null
                        ? null
                        : new PortalStatusView.LastError(
                                last.getId(),
                                last.getBatchId(),
                                last.getHttpStatus(),
                                settings.redact(last.getLastError()),
                                last.getUpdatedAt()),
                new Page<>(rows.items().stream().map(this::item).toList(), rows.page(), rows.size(), rows.total()));
    }

    private PortalStatusView.Item item(PortalOutbox.StatusRow r) {
        PortalOutboxEntry o = r.entry();
        return new PortalStatusView.Item(
                o.getId(),
                o.getBatchId(),
                r.lotCode(),
                r.productName(),
                o.getRecordVersion(),
                o.getStatus().name(),
                o.getIdempotencyKey(),
                o.getAttempts(),
                o.getStatus() == OutboxStatus.PENDING ? o.getNextAttemptAt() : null,
                settings.redact(o.getLastError()),
                o.getHttpStatus(),
                o.getMissing() == null
                        ? null
                        : JSON.createReader(new StringReader(o.getMissing())).readArray(),
                o.getCreatedAt(),
                o.getUpdatedAt(),
                o.getSyncedAt());
    }

    @POST
    @Path("outbox/{id}/retry")
    @Operation(
            summary = "Send a FAILED version again, with a fresh attempt count (managers of its cooperative, admins)")
    @APIResponse(responseCode = "404", description = "Unknown, or another cooperative's")
    @APIResponse(responseCode = "403", description = "The caller may read but not manage the cooperative")
    @APIResponse(responseCode = "409", description = "The version is not FAILED")
    public PortalStatusView.Item retry(@PathParam("id") String id) {
        return item(outbox.retry(id));
    }
}
