package vn.temso.listing.boundary;

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
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.listing.control.Feeds;
import vn.temso.listing.control.ListingProblems;
import vn.temso.listing.control.Listings;
import vn.temso.listing.control.PushOutbox;
import vn.temso.listing.control.Stock;
import vn.temso.listing.control.StockLevel;
import vn.temso.listing.control.SyncSettings;
import vn.temso.listing.entity.Listing;
import vn.temso.platform.outbox.OutboxStatus;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.rest.Params;
import vn.temso.platform.security.CurrentCaller;

@Path("listings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Listings", description = "Marketplace listings of OCOP products: feed files and push sync with status")
public class ListingsResource {

    @Inject
    Listings listings;

    @Inject
    PushOutbox outbox;

    @Inject
    Feeds feeds;

    @Inject
    SyncSettings settings;

    @Inject
    CurrentCaller current;

    @Inject
    ListingProblems problems;

    @Inject
    Stock stock;

    @GET
    @Operation(
            summary = "Listings the caller may see",
            description = "Filters: cooperativeId, productId, channel"
                    + " (google-xml, google-tsv, meta-csv, voso-csv, postmart-csv, jsonld, http-push). Each listing"
                    + " carries problems: [{field, code, message, fix}], why its channel would refuse it now (field:"
                    + " the product form field, code: the rule, message in Accept-Language or ?lang= vi/en, fix: the"
                    + " form field's page). availability is the manager's choice; effectiveAvailability is what feeds"
                    + " and pushes say: OUT_OF_STOCK unless the choice is IN_STOCK and the product has an open batch,"
                    + " with outOfStockReason (no-open-batch, all-recalled, set-by-you) and outOfStockMessage (vi/en)")
    public Page<ListingView> list(
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("productId") String productId,
            @QueryParam("channel") String channel,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Locale locale = ListingProblems.locale(lang != null ? lang : acceptLanguage);
        var p = listings.list(
                cooperativeId,
                productId,
                channel == null || channel.isBlank() ? null : channel(channel),
                PageRequest.of(page, size));
        // one stock query for the page, not one per listing
        Map<String, StockLevel> levels =
                stock.of(p.items().stream().map(l -> l.getProduct().getId()).toList());
        return new Page<>(
                p.items().stream()
                        .map(l -> view(l, levels.get(l.getProduct().getId()), locale))
                        .toList(),
                p.page(),
                p.size(),
                p.total());
    }

    @GET
    @Path("status")
    @Operation(
            summary = "Push and feed status: every queued product version (pending, sending, synced, failed with the"
                    + " last error), the feed files with their URLs and last run, and whether push is configured",
            description = "Filters: cooperativeId, productId, status (PENDING, SENDING, SYNCED, FAILED). Each feed"
                    + " carries problems: the listed products its channel refuses, each with [{field, code, message,"
                    + " fix}], and demo/notice when its links are plain http (demo: not accepted by marketplaces)")
    public SyncStatusView status(
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("productId") String productId,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Locale locale = ListingProblems.locale(lang != null ? lang : acceptLanguage);
        var p = outbox.status(
                cooperativeId,
                productId,
                Params.enumOf(OutboxStatus.class, "status", status),
                PageRequest.of(page, size));
        String problem = settings.pushProblem();
        var push = new SyncStatusView.Push(
                problem == null,
                settings.pushHost(),
                problem == null ? "push enabled" : problem,
                outbox.counts(cooperativeId));
        var feedViews = feeds.visible(current.require(), cooperativeId).stream()
                .map(f -> SyncStatusView.Feed.of(f, feeds.url(f), problems.demoNotice(locale), problems.of(f, locale)))
                .toList();
        return new SyncStatusView(
                push,
                feedViews,
                new Page<>(p.items().stream().map(SyncStatusView.Item::of).toList(), p.page(), p.size(), p.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One listing")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public ListingView get(
            @PathParam("id") String id,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return view(listings.readable(id), ListingProblems.locale(lang != null ? lang : acceptLanguage));
    }

    @PUT
    @Path("{productId}/{channel}")
    @Operation(
            summary = "List a product on a channel, or change its listing (availability, pause, withdraw)",
            description = "Managers of the product's cooperative and admins. Feeds are regenerated and a push is queued"
                    + " (only when what marketplaces see changed) in the background; see GET /api/listings/status.")
    @APIResponse(
            responseCode = "200",
            description = "The listing",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "listing",
                                            value =
                                                    "{\"id\":\"…\",\"channel\":\"google-xml\",\"enabled\":true,"
                                                            + "\"availability\":\"IN_STOCK\",\"deleted\":false,\"live\":true}")))
    public ListingView put(
            @PathParam("productId") String productId,
            @PathParam("channel") String channel,
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(
                                                        name = "list",
                                                        value = "{\"enabled\": true, \"availability\": \"IN_STOCK\"}"),
                                                @ExampleObject(
                                                        name = "out of stock",
                                                        value = "{\"availability\": \"OUT_OF_STOCK\"}"),
                                                @ExampleObject(name = "withdraw", value = "{\"deleted\": true}")
                                            }))
                    @Valid
                    ListingRequest request,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        ListingRequest r = request == null ? new ListingRequest(null, null, null) : request;
        Availability availability =
                r.availability() == null ? Availability.IN_STOCK : Availability.parse(r.availability());
        return view(
                listings.put(
                        productId,
                        channel(channel),
                        r.enabled() == null || r.enabled(),
                        availability,
                        r.deleted() != null && r.deleted()),
                ListingProblems.locale(acceptLanguage));
    }

    private ListingView view(Listing l, Locale locale) {
        return view(l, stock.of(l.getProduct().getId()), locale);
    }

    private ListingView view(Listing l, StockLevel level, Locale locale) {
        return ListingView.of(l, level, locale, problems.of(l, locale));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send the failed push versions of a listing again, with a fresh attempt count")
    @APIResponse(responseCode = "409", description = "Nothing failed for this listing")
    public Map<String, Integer> retry(@PathParam("id") String id) {
        return Map.of("queued", outbox.retry(id));
    }

    private static Channel channel(String name) {
        try {
            return Channel.fromCliName(name);
        } catch (IllegalArgumentException e) {
            throw new Problems.ValidationFailed(
                    "channel",
                    "channel is one of "
                            + Arrays.stream(Channel.values())
                                    .map(Channel::cliName)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
