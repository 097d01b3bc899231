package vn.temso.stamping.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.stamping.control.Stamps;

@Path("stamps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stamps", description = "Signed QR digital stamps (tem số): issuing, export, voiding, keys")
public class StampMonitorResource {

    @Inject
    Stamps stamps;

    @GET
    @Path("jobs/{id}")
    @Operation(summary = "Progress of an issuing job (issued, percent, status)")
    public StampsResource.JobView job(@PathParam("id") String id) {
        return StampsResource.JobView.of(stamps.job(id));
    }

    @GET
    @Path("suspicious")
    @Operation(summary = "Stamps a clone rule fired on, most recently flagged first (scoped like batches)")
    public Page<StampsResource.StampView> suspicious(@QueryParam("page") String page, @QueryParam("size") String size) {
        var p = stamps.suspicious(PageRequest.of(page, size));
        return new Page<>(StampsResource.StampView.of(p.items(), stamps), p.page(), p.size(), p.total());
    }
}
