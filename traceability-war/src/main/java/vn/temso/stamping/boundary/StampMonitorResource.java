package vn.temso.stamping.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.stamping.control.StampKeys;
import vn.temso.stamping.control.Stamps;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.SigningKeyRecord;
import vn.temso.stamping.entity.Stamp;

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
