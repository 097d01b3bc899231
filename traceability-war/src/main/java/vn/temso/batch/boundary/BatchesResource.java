package vn.temso.batch.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import vn.temso.batch.control.BatchCommand;
import vn.temso.batch.control.Batches;
import vn.temso.batch.control.EventCommand;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.platform.rest.Idempotent;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.rest.Params;

@Path("batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Batches", description = "Harvest batches (lô) and their farm diary")
public class BatchesResource {

    static final String EXAMPLE = """
            {"productId": "<product id>", "lotCode": "ST25-2611-A", "zoneIds": ["<zone id>"],
             "harvestDate": "2026-11-10", "expiryDate": "2027-11-10", "quantity": 1200, "unit": "kg",
             "clientId": "9a4c2e61-7b3f-4d85-a0c9-3e1f5b7d2a48"}""";
    static final String DERIVED_EXAMPLE = """
            {"productId": "<rice product id>", "lotCode": "ST25-XAT-2611", "zoneIds": [],
             "inputs": [{"batchId": "<paddy batch id>", "quantity": 1500, "unit": "kg"},
                        {"batchId": "<other paddy batch id>", "quantity": 800, "unit": "kg"}],
             "harvestDate": "2026-11-15", "quantity": 1500, "unit": "kg"}""";
    static final String SHIPPING_EXAMPLE = """
            {"type": "SHIPPING", "occurredAt": "2026-11-16T08:00:00+07:00",
             "partyName": "Công ty TNHH Thực phẩm Sài Gòn", "partyGln": "8930000000019",
             "note": "Xe 51C-123.45, 1.500 kg"}""";
    static final String EVENT_EXAMPLE = """
            {"type": "SPRAYING", "occurredAt": "2026-10-20T07:30:00+07:00", "zoneId": "<zone id>",
             "actor": "Tổ sản xuất số 2", "inputName": "Validamycin 5SL", "dose": "1 lít/ha",
             "preHarvestIntervalDays": 7, "note": "Phòng bệnh khô vằn"}""";

    @Inject
    Batches batches;

    @Context
    UriInfo uri;

    public record Recall(@NotBlank @Size(max = 500) String reason) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public Recall(String reason) {
            this.reason = reason;
        }
    }

    @GET
    @Operation(
            summary = "List batches the caller may see",
            description = "Filters: q (part of the lot code or of the product's name), productId, status, zoneId,"
                    + " lot, harvestedFrom, harvestedTo (ISO dates). A page of size items (default 20, at most 200)"
                    + " and total, the count of every match.")
    public Page<BatchView> list(
            @QueryParam("q") String q,
            @QueryParam("productId") String productId,
            @QueryParam("status") String status,
            @QueryParam("zoneId") String zoneId,
            @QueryParam("lot") String lot,
            @QueryParam("harvestedFrom") String from,
            @QueryParam("harvestedTo") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var p = batches.list(
                q,
                productId,
                Params.enumOf(BatchStatus.class, "status", status),
                zoneId,
                lot,
                Params.date("harvestedFrom", from),
                Params.date("harvestedTo", to),
                PageRequest.of(page, size));
        return new Page<>(p.items().stream().map(BatchView::of).toList(), p.page(), p.size(), p.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One batch, with warnings such as a spraying too close to harvest")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public BatchView get(@PathParam("id") String id) {
        return BatchView.of(batches.readable(id));
    }

    @POST
    @Operation(
            summary = "Create a batch from active zones of the product's cooperative, or from other batches",
            description = "The lot code follows GS1 AI 10 (≤ 20 characters of the GS1 set) and is unique per product."
                    + " A batch made from other batches (paddy milled into rice, harvests blended) lists them in"
                    + " inputs: batches of the same cooperative the caller can read, not recalled, each once; its"
                    + " product may differ from theirs. Its zones are the inputs' zones plus any zoneIds given, so"
                    + " zoneIds may be empty then. The inputs are fixed at creation. With a clientId (a UUID the"
                    + " client generated), sending the same create again answers the batch made the first time (200)"
                    + " instead of a second one.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Made before by a request with the same clientId")
    @APIResponse(responseCode = "400", description = "A field is wrong, e.g. an input not found (field inputs)")
    @APIResponse(
            responseCode = "409",
            description = "The product already has a batch with this lot code, or the clientId was used for another"
                    + " record")
    @APIResponse(responseCode = "422", description = "A zone is suspended or revoked, or an input is recalled")
    public Response create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "batch", value = EXAMPLE),
                                                @ExampleObject(
                                                        name = "made from other batches",
                                                        value = DERIVED_EXAMPLE)
                                            }))
                    @Valid
                    BatchRequest request) {
        BatchCommand c = request.toCommand();
        var made = Idempotent.create(c.clientId(), () -> batches.byClientId(c), () -> batches.create(c));
        return made.answer(uri, made.value().getId(), BatchView.of(made.value()));
    }

    @PUT
    @Path("{id}")
    @Operation(
            summary = "Replace an open batch's zones, dates and quantity (product, lot and inputs are fixed)",
            description = "The inputs cannot change: omit them, or send them as they are; anything else is a 400 on"
                    + " inputs. A batch made from others keeps its inputs' zones whatever zoneIds says.")
    public BatchView update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "batch", value = EXAMPLE))) @Valid
                    BatchRequest request) {
        return BatchView.of(batches.update(id, request.toCommand()));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close an open batch")
    public BatchView close(@PathParam("id") String id) {
        return BatchView.of(batches.close(id));
    }

    @POST
    @Path("{id}/recall")
    @Operation(
            summary = "Recall a batch; buyers see the reason on every stamp of it",
            description = "Every batch made from it, at any depth, is recalled in the same transaction, with a"
                    + " reason naming this lot; batches already recalled are left as they are.")
    public BatchView recall(
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "recall",
                                                            value =
                                                                    "{\"reason\": \"Phát hiện dư lượng thuốc BVTV vượt ngưỡng cho phép\"}")))
                    @Valid
                    Recall recall) {
        return BatchView.of(batches.recall(id, recall.reason()));
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The farm diary, oldest first; corrected entries are marked superseded")
    public List<BatchView.EventView> events(@PathParam("id") String id) {
        return BatchView.EventView.diary(batches.events(id));
    }

    @POST
    @Path("{id}/events")
    @Operation(
            summary = "Append a diary entry (managers and members)",
            description = "Entries are append-only: to correct one, post a new entry with correctsEventId. A"
                    + " SHIPPING entry may name its destination and a RECEIVING entry its source: partyName"
                    + " (≤ 200 characters) and/or partyGln (GS1 GLN, 13 digits with a valid check digit). With a"
                    + " clientId (a UUID the client generated), sending the entry again answers the one recorded"
                    + " (200) instead of a second one.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Recorded before by a request with the same clientId")
    @APIResponse(responseCode = "409", description = "The clientId was used for another record")
    public Response addEvent(
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "spraying", value = EVENT_EXAMPLE),
                                                @ExampleObject(name = "shipping", value = SHIPPING_EXAMPLE)
                                            }))
                    @Valid
                    EventRequest request) {
        EventCommand c = request.toCommand();
        Idempotent.Outcome<BatchEvent> made = Idempotent.create(
                c.clientId(), () -> batches.eventByClientId(id, c.clientId()), () -> batches.addEvent(id, c));
        return Response.status(made.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(BatchView.EventView.of(made.value(), false))
                .build();
    }
}
