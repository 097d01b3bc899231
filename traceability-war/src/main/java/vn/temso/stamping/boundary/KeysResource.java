package vn.temso.stamping.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.stamping.control.StampKeys;

@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stamps", description = "Signed QR digital stamps (tem số): issuing, export, voiding, keys")
public class KeysResource {

    @Inject
    StampKeys keys;

    @Inject
    CurrentCaller current;

    @GET
    @Operation(summary = "Signing keys (admin)")
    public List<StampsResource.KeyView> keys() {
        current.requireRole(Role.ADMIN);
        return keys.all().stream().map(StampsResource.KeyView::of).toList();
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Start signing with a new key (admin); old stamps keep verifying")
    public StampsResource.KeyView rotate() {
        current.requireRole(Role.ADMIN);
        return StampsResource.KeyView.of(keys.rotate());
    }

    @POST
    @Path("{kid}/revoke")
    @Operation(summary = "Revoke a compromised key (admin): its stamps verify as not genuine")
    public StampsResource.KeyView revoke(@PathParam("kid") String kid) {
        current.requireRole(Role.ADMIN);
        return StampsResource.KeyView.of(keys.revoke(kid));
    }
}
