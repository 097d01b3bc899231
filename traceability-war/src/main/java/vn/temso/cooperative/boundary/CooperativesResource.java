package vn.temso.cooperative.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;

@Path("cooperatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cooperatives", description = "Tenants: cooperatives, groups, companies and households")
public class CooperativesResource {

    static final String EXAMPLE = """
            {"name": "Hợp tác xã Nông nghiệp Tân Trụ Xanh", "kind": "COOPERATIVE", "taxId": "1101234567", "gln": "8930000000019",
             "address": "Ấp Bình Hòa, xã Bình Tịnh, huyện Tân Trụ, tỉnh Long An", "commune": "Bình Tịnh",
             "district": "Tân Trụ", "province": "Long An", "phone": "0272 3850 111",
             "email": "lienhe@tantruxanh.vn", "representative": "Nguyễn Văn Hòa"}""";

    @Inject
    Cooperatives cooperatives;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List the cooperatives the caller may see",
            description = "Admins see all, commune staff those of their communes, cooperative users their own.")
    public Page<CooperativeView> list(
            @QueryParam("q") String q,
            @QueryParam("commune") String commune,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var p = cooperatives.list(q, commune, PageRequest.of(page, size));
        return new Page<>(p.items().stream().map(CooperativeView::of).toList(), p.page(), p.size(), p.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One cooperative")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "cooperative", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public CooperativeView get(@PathParam("id") String id) {
        return CooperativeView.of(cooperatives.readable(id));
    }

    @POST
    @Operation(summary = "Register a cooperative (admin)")
    @APIResponse(responseCode = "201", description = "Created; Location holds its address")
    public Response create(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "cooperative", value = EXAMPLE))) @Valid
                    CooperativeRequest request) {
        var c = cooperatives.create(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId()).build())
                .entity(CooperativeView.of(c))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a cooperative's details (admin, or its manager)")
    public CooperativeView update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "cooperative", value = EXAMPLE))) @Valid
                    CooperativeRequest request) {
        return CooperativeView.of(cooperatives.update(id, request.toCommand()));
    }
}
