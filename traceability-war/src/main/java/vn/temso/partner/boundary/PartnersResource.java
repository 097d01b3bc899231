package vn.temso.partner.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.partner.control.Partners;

/** {@code /api/partners}: a cooperative's partners and their API keys for the EPCIS capture interface. */
@Path("partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "API keys of a cooperative's partners (EPCIS capture and query)")
public class PartnersResource {

    static final String EXAMPLE = """
            {"name": "Siêu thị Co.op Mart Tân An", "kind": "SUPERMARKET", "gln": "8930000000019"}""";

    @Inject
    Partners partners;

    @Context
    UriInfo uri;

    @POST
    @Operation(
            summary = "Issue an API key for a partner (the cooperative's manager, or an admin naming cooperativeId)",
            description = "The answer holds the key in 'key': the only time it is shown. Send it as"
                    + " 'Authorization: Bearer tpk_...' or 'X-API-Key: tpk_...' to /epcis/...")
    @APIResponse(responseCode = "201", description = "Issued; the body holds the key, once")
    public Response issue(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "partner", value = EXAMPLE))) @Valid
                    PartnerRequest request) {
        Partners.Issued issued = partners.issue(request.toCommand());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(issued.partner().getId())
                        .build())
                .cacheControl(noStore)
                .entity(PartnerView.of(issued.partner(), issued.key()))
                .build();
    }

    @GET
    @Operation(summary = "The partners of the cooperatives the caller manages, revoked ones included (never keys)")
    public List<PartnerView> list() {
        return partners.list().stream().map(PartnerView::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a partner's key: it stops working at once (audited)")
    @APIResponse(responseCode = "200", description = "The partner, now revoked")
    @APIResponse(responseCode = "404", description = "Unknown, or another cooperative's partner")
    public PartnerView revoke(@PathParam("id") String id) {
        return PartnerView.of(partners.revoke(id));
    }
}
