package vn.temso.batch.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.batch.control.EntryPhotos;
import vn.temso.batch.control.EventCommand;
import vn.temso.batch.control.SeasonCommand;
import vn.temso.batch.control.Seasons;
import vn.temso.batch.entity.EntryPhoto;
import vn.temso.platform.rest.Idempotent;

/** Seasons of a zone and the farm diary written against zone + season, before any batch exists. */
@Path("zones/{zoneId}/seasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seasons", description = "Crop cycles (vụ) of a zone and their farm diary, written before any batch")
public class SeasonsResource {

    static final String SEASON_EXAMPLE = """
            {"name": "Đông Xuân 2026–2027", "crop": "Lúa ST25", "startsOn": "2026-11-20",
             "clientId": "7d1f0b8e-3c2a-4e5f-9a6b-1c2d3e4f5a6b"}""";
    static final String ENTRY_EXAMPLE = """
            {"type": "SPRAYING", "occurredAt": "2027-01-20T07:30:00+07:00", "actor": "Tổ sản xuất số 2",
             "inputName": "Validamycin 5SL", "dose": "1 lít/ha", "preHarvestIntervalDays": 7,
             "clientId": "0b6e7c52-1a3d-4f8e-9c2b-5d4a3e2f1b0c"}""";

    @Inject
    Seasons seasons;

    @Inject
    EntryPhotos photos;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The seasons of a zone, latest first")
    public List<SeasonView> list(@PathParam("zoneId") String zoneId) {
        return seasons.list(zoneId).stream().map(SeasonView::of).toList();
    }

    @POST
    @Operation(
            summary = "Start a season of the zone (managers)",
            description = "Seasons of a zone do not overlap (422 rule/season-overlap); endsOn may stay empty until"
                    + " the last harvest. With a clientId, sending the same season again answers the one made the"
                    + " first time (200) instead of a second one.")
    @APIResponse(responseCode = "201", description = "Started")
    @APIResponse(responseCode = "200", description = "Made before by a request with the same clientId")
    @APIResponse(responseCode = "409", description = "The clientId was used for another record")
    public Response create(
            @PathParam("zoneId") String zoneId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "season", value = SEASON_EXAMPLE))) @Valid
                    SeasonRequest request) {
        SeasonCommand c = request.toCommand();
        var made = Idempotent.create(
                c.clientId(), () -> seasons.byClientId(zoneId, c.clientId()), () -> seasons.create(zoneId, c));
        return made.answer(uri, made.value().getId(), SeasonView.of(made.value()));
    }

    @GET
    @Path("{seasonId}")
    @Operation(summary = "One season")
    public SeasonView get(@PathParam("zoneId") String zoneId, @PathParam("seasonId") String seasonId) {
        return SeasonView.of(seasons.readable(zoneId, seasonId));
    }

    @PUT
    @Path("{seasonId}")
    @Operation(summary = "Rename a season or set its dates, e.g. its last day (managers)")
    public SeasonView update(
            @PathParam("zoneId") String zoneId,
            @PathParam("seasonId") String seasonId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "season", value = SEASON_EXAMPLE))) @Valid
                    SeasonRequest request) {
        return SeasonView.of(seasons.update(zoneId, seasonId, request.toCommand()));
    }

    @GET
    @Path("{seasonId}/events")
    @Operation(summary = "The season's farm diary, oldest work first; corrected entries are marked superseded")
    public List<SeasonView.EntryView> entries(
            @PathParam("zoneId") String zoneId, @PathParam("seasonId") String seasonId) {
        return SeasonView.EntryView.diary(seasons.entries(zoneId, seasonId));
    }

    @POST
    @Path("{seasonId}/events")
    @Operation(
            summary = "Write a diary entry in the season (managers and members)",
            description = "The same fields as a batch's diary entry but the party (shipping and receiving are of a"
                    + " lot). The work's day lies within the season. Entries are append-only: to correct one, post a"
                    + " new entry with correctsEventId. A batch harvested from the zone within the season takes"
                    + " its entries; an entry written later joins the diaries of the batches that took the season."
                    + " With a clientId, sending the entry again answers the one recorded (200).")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Recorded before by a request with the same clientId")
    @APIResponse(responseCode = "409", description = "The clientId was used for another record")
    public Response addEntry(
            @PathParam("zoneId") String zoneId,
            @PathParam("seasonId") String seasonId,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "spraying", value = ENTRY_EXAMPLE))) @Valid
                    EventRequest request) {
        EventCommand c = request.toCommand();
        var made = Idempotent.create(
                c.clientId(),
                () -> seasons.entryByClientId(zoneId, seasonId, c.clientId()),
                () -> seasons.addEntry(zoneId, seasonId, c));
        return made.answer(uri, made.value().getId(), SeasonView.EntryView.of(made.value(), false));
    }

    @POST
    @Path("{seasonId}/events/{entryId}/photos")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(
            summary = "Add a photo to a season diary entry (managers and members)",
            description = "The raw image as the body (image/jpeg or image/png, at most 12 MiB, else 413; at most 50"
                    + " million pixels, else 400 on photo). Turned upright as its EXIF orientation says, stored as a"
                    + " JPEG whose longest side is at most 1600 px, without the upload's metadata (EXIF, orientation,"
                    + " GPS, camera); with keepLocation=true the GPS position the camera wrote is kept as latitude"
                    + " and longitude of the photo. With clientId (a UUID the client makes once per photo) a resend"
                    + " answers 200 with the photo stored the first time.")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "Stored before with this clientId")
    @APIResponse(responseCode = "413", description = "Body over 12 MiB (payload-too-large)")
    public Response addPhoto(
            @PathParam("zoneId") String zoneId,
            @PathParam("seasonId") String seasonId,
            @PathParam("entryId") String entryId,
            @QueryParam("keepLocation") boolean keepLocation,
            @QueryParam("clientId") String clientId,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        var made = Idempotent.create(
                clientId,
                () -> photos.byClientId(zoneId, seasonId, entryId, clientId),
                () -> photos.add(zoneId, seasonId, entryId, contentType, body, keepLocation, clientId));
        EntryPhoto p = made.value();
        String url = uri.getAbsolutePathBuilder().path(p.getId()).build().getPath();
        return made.answer(uri, p.getId(), PhotoView.of(p, url));
    }

    @GET
    @Path("{seasonId}/events/{entryId}/photos")
    @Operation(summary = "The photos of a season diary entry")
    public List<PhotoView> photos(
            @PathParam("zoneId") String zoneId,
            @PathParam("seasonId") String seasonId,
            @PathParam("entryId") String entryId) {
        return photos.list(zoneId, seasonId, entryId).stream()
                .map(p -> PhotoView.of(
                        p, uri.getAbsolutePathBuilder().path(p.getId()).build().getPath()))
                .toList();
    }

    @GET
    @Path("{seasonId}/events/{entryId}/photos/{photoId}")
    @Produces("image/jpeg")
    @Operation(summary = "One photo (JPEG)")
    public Response photo(
            @PathParam("zoneId") String zoneId,
            @PathParam("seasonId") String seasonId,
            @PathParam("entryId") String entryId,
            @PathParam("photoId") String photoId) {
        return Response.ok(photos.jpeg(zoneId, seasonId, entryId, photoId), "image/jpeg")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }
}
