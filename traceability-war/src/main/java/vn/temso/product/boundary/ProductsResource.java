package vn.temso.product.boundary;

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
import java.io.InputStream;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.control.ProductImages;
import vn.temso.product.control.Products;

@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Trade items (GTIN) and their OCOP rating")
public class ProductsResource {

    static final String EXAMPLE = """
            {"gtin": "8935123456784", "name": "Gạo thơm ST25 Tân Trụ Xanh 5 kg", "description": "Gạo ST25 vụ Đông Xuân",
             "category": "Gạo", "unit": "túi 5 kg", "priceVnd": 185000,
             "ocop": {"stars": 4, "group": "FOOD", "score": 78, "decisionNumber": "1234/QĐ-UBND",
                      "decisionDate": "2025-03-15", "level": "PROVINCE", "authority": "UBND tỉnh Long An"}}""";

    @Inject
    Products products;

    @Inject
    ProductImages images;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List products the caller may see",
            description = "Filters: q (name or GTIN), ocop (active, expired, none), cooperativeId")
    public Page<ProductView> list(
            @QueryParam("q") String q,
            @QueryParam("ocop") String ocop,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var p = products.list(q, ocop, cooperativeId, PageRequest.of(page, size));
        return new Page<>(
                p.items().stream()
                        .map(item -> ProductView.of(item, FarmTime.today(clock)))
                        .toList(),
                p.page(),
                p.size(),
                p.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One product with its OCOP status (ACTIVE, EXPIRED, NOT_YET_VALID)")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public ProductView get(@PathParam("id") String id) {
        return ProductView.of(products.readable(id), FarmTime.today(clock));
    }

    @POST
    @Operation(
            summary = "Register a product",
            description = "GTIN-8/12/13/14 with a correct check digit; stored as GTIN-14."
                    + " OCOP validUntil defaults to the decision date + 36 months.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The GTIN is already registered")
    public Response create(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = EXAMPLE))) @Valid
                    ProductRequest request) {
        var p = products.create(request.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId()).build())
                .entity(ProductView.of(p, FarmTime.today(clock)))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a product's details (the GTIN cannot change)")
    public ProductView update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = EXAMPLE))) @Valid
                    ProductRequest request) {
        return ProductView.of(products.update(id, request.toCommand()), FarmTime.today(clock));
    }

    @PUT
    @Path("{id}/image")
    @Consumes(MediaType.WILDCARD) // the bytes decide the format (ImageSizes), which answers a problem naming the field
    @Operation(
            summary = "Upload the product's image (PNG, JPEG or WebP, at most 2 MB, at least 500 × 500 px) as the raw"
                    + " body",
            description = "The format is read from the bytes, not the Content-Type. Made into JPEGs of 1200, 600 and"
                    + " 300 px (longest side, never enlarged, no metadata), served publicly at"
                    + " /images/{id}/{px}.jpg; the product's imageUrl is /images/{id}/1200.jpg.")
    @APIResponse(responseCode = "200", description = "The product, its imageUrl set")
    @APIResponse(
            responseCode = "400",
            description = "validation-failed on field image; its rule member says which: empty, too-large,"
                    + " not-an-image, unreadable, too-many-pixels (over 40 megapixels or 10000 px a side), too-small")
    public ProductView putImage(@PathParam("id") String id, InputStream body) {
        return ProductView.of(images.store(id, body), FarmTime.today(clock));
    }
}
