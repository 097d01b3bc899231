package vn.temso.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.portal.control.PortalSettings;
import vn.temso.portal.control.PortalSync;

/** {@code GET /api/batches/{id}/portal-record}: a lot's national-portal record, what it lacks, its delivery. */
@Path("batches/{id}/portal-record")
@RequestScoped
@Tag(name = "National portal", description = "Records of lots for the National Product Traceability Portal")
public class PortalRecordResource {

    @Inject
    PortalSync sync;

    @Inject
    PortalSettings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The lot's national-portal record as mapped, the required fields it lacks and its delivery",
            description = "Readable by whoever may read the lot. A record lacking a required field is held (status"
                    + " HELD), not sent; `missing` says what to fill in, in Vietnamese and English.")
    @APIResponse(responseCode = "404", description = "Unknown lot, or not visible to the caller")
    @APIResponse(responseCode = "503", description = "The configured mapping file cannot be used")
    public PortalRecordView get(@PathParam("id") String id) {
        return PortalRecordView.of(sync.snapshot(id), settings.problem(), settings::redact);
    }
}
