package vn.temso.zone.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.rest.Idempotent;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.rest.Params;
import vn.temso.platform.time.FarmTime;
import vn.temso.zone.control.ZoneCommand;
import vn.temso.zone.control.ZoneMap;
import vn.temso.zone.control.ZoneMapSvg;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.ZoneStatus;

@Path("zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Zones", description = "Registered growing areas (mã số vùng trồng)")
public class ZonesResource {

    static final String MAP_TYPE = "image/svg+xml";
    /** The UI's message bundle: the map's legend speaks the pages' words. */
    static final String WORDS = "vn.temso.web.messages";

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final String EXAMPLE = """
            {"code": "VN-LAN-TT-0012", "name": "Vùng lúa thơm Bình Tịnh", "commune": "Bình Tịnh",
             "district": "Tân Trụ", "province": "Long An", "crop": "Lúa", "variety": "ST25",
             "declaredAreaHa": 52.4, "households": 38, "harvestsPerYear": 2,
             "certifications": [{"scheme": "VietGAP", "number": "VietGAP-TT-01-99-0123", "validUntil": "2026-12-31"}],
             "geometry": {"type": "Polygon", "coordinates": [[[106.5122, 10.5371], [106.5272, 10.5371],
               [106.5272, 10.5491], [106.5122, 10.5491], [106.5122, 10.5371]]]},
             "clientId": "5c3e9a17-2b4d-4f60-8e1a-9d7b6c5a4f32"}""";

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    @Inject
    ZoneMap map;

    @Context
    UriInfo uri;

    public record StatusChange(
            @NotNull ZoneStatus status, @Size(max = 500) String reason) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public StatusChange(ZoneStatus status, String reason) {
            this.status = status;
            this.reason = reason;
        }
    }

    @GET
    @Operation(
            summary = "List zones the caller may see",
            description =
                    "Filters: q (name or code), status, crop, cooperativeId."
                            + " Entries carry the simplified displayGeometry (at most 500 positions); GET one zone for its full geometry.")
    public Page<ZoneView> list(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("crop") String crop,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var p = zones.list(
                q, Params.enumOf(ZoneStatus.class, "status", status), crop, cooperativeId, PageRequest.of(page, size));
        return new Page<>(
                p.items().stream()
                        .map(z -> ZoneView.summary(z, FarmTime.today(clock)))
                        .toList(),
                p.page(),
                p.size(),
                p.total());
    }

    @GET
    @Path("map.svg")
    @Produces(MAP_TYPE)
    @Operation(
            summary = "A map of the zones the caller may see (SVG)",
            description = "Outlines (the stored simplified copy) over a light background, filled by status (by=status,"
                    + " the default) or crop (by=crop); each zone a link to its page with its code and name as title."
                    + " Legend and the zones without an outline below the map, in Vietnamese (lang=vi, the default)"
                    + " or English (lang=en, or Accept-Language). At most 2,000 zones (the first by code; the map"
                    + " says how many there were) and 50,000 positions. No external request unless the operator"
                    + " configured a tile server (temso.map.tile-url).")
    @APIResponse(responseCode = "200", description = "image/svg+xml")
    @APIResponse(responseCode = "400", description = "by is neither status nor crop")
    public Response map(
            @QueryParam("by") String by,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        var colouring = Params.enumOf(ZoneMapSvg.Colouring.class, "by", by);
        Locale locale = "en".equalsIgnoreCase(lang)
                        || (lang == null
                                && !headers.getAcceptableLanguages().isEmpty()
                                && "en"
                                        .equals(headers.getAcceptableLanguages()
                                                .get(0)
                                                .getLanguage()))
                ? Locale.ENGLISH
                : VIETNAMESE;
        ResourceBundle words = ResourceBundle.getBundle(
                WORDS, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        var drawing = map.draw(
                colouring == null ? ZoneMapSvg.Colouring.STATUS : colouring,
                cooperativeId,
                words::getString,
                locale,
                request.getContextPath() + "/app/zone.xhtml?id=",
                true);
        return Response.ok(drawing.svg(), MAP_TYPE + ";charset=UTF-8")
                .header("Content-Language", locale.getLanguage())
                .header("Cache-Control", "private, no-store")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'"
                                + map.tileOrigin().map(o -> "; img-src " + o).orElse(""))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One zone, with declared and computed area side by side")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public ZoneView get(@PathParam("id") String id) {
        return ZoneView.of(zones.readable(id), FarmTime.today(clock));
    }

    @POST
    @Operation(
            summary = "Register a zone",
            description = "The code must match the configured pattern (default VN-...)."
                    + " Geometry is a GeoJSON Polygon or MultiPolygon, or KML text in 'kml': at most 10,000 positions in all"
                    + " (all rings of all polygons), 500 polygons, finite coordinates in range, valid by JTS."
                    + " With a clientId (a UUID the client generated), sending the same registration again answers"
                    + " the zone made the first time (200) instead of a second one.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Made before by a request with the same clientId")
    @APIResponse(responseCode = "400", description = "Invalid fields or outline (problem+json with violations)")
    @APIResponse(
            responseCode = "409",
            description = "The code is already registered, or the clientId was used for another record")
    public Response create(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "zone", value = EXAMPLE))) @Valid
                    ZoneRequest request) {
        ZoneCommand c = request.toCommand();
        var made = Idempotent.create(c.clientId(), () -> zones.byClientId(c), () -> zones.create(c));
        return made.answer(uri, made.value().getId(), ZoneView.of(made.value(), FarmTime.today(clock)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a zone's details (the code cannot change)")
    public ZoneView update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "zone", value = EXAMPLE))) @Valid
                    ZoneRequest request) {
        return ZoneView.of(zones.update(id, request.toCommand()), FarmTime.today(clock));
    }

    @PUT
    @Path("{id}/geometry")
    @Consumes({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Replace the outline with a GeoJSON Polygon, MultiPolygon or Feature")
    public ZoneView geometry(
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "polygon",
                                                            value =
                                                                    "{\"type\":\"Polygon\",\"coordinates\":[[[106.4098,10.8631],[106.4148,10.8631],[106.4148,10.8671],[106.4098,10.8671],[106.4098,10.8631]]]}")))
                    String geoJson) {
        return ZoneView.of(zones.replaceGeometry(id, geoJson, false), FarmTime.today(clock));
    }

    @PUT
    @Path("{id}/geometry")
    @Consumes({"application/vnd.google-earth.kml+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Replace the outline from a KML document (its Polygon elements)")
    public ZoneView geometryFromKml(@PathParam("id") String id, String kml) {
        return ZoneView.of(zones.replaceGeometry(id, kml, true), FarmTime.today(clock));
    }

    @POST
    @Path("{id}/status")
    @Operation(
            summary = "Suspend, reactivate or revoke a zone",
            description = "Managers may suspend and reactivate their"
                    + " zones; revoking is for admins and is final. A reason is required except to reactivate.")
    public ZoneView status(
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "suspend",
                                                            value =
                                                                    "{\"status\":\"SUSPENDED\",\"reason\":\"Phát hiện dư lượng thuốc BVTV vượt ngưỡng\"}")))
                    @Valid
                    StatusChange change) {
        return ZoneView.of(zones.changeStatus(id, change.status(), change.reason()), FarmTime.today(clock));
    }
}
