package vn.temso.epcis.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.temso.epcis.control.EpcisQueries;
import vn.temso.epcis.control.EpcisWriter;
import vn.temso.epcis.control.EventFilter;
import vn.temso.epcis.control.EventRow;
import vn.temso.platform.problem.Problems;

/**
 * {@code GET /epcis/events}: the query interface (EPCIS 2.0 REST binding, SimpleEventQuery parameters Temso
 * supports; several values of one parameter are separated by {@code |}), paged with {@code perPage} and
 * {@code nextPageToken} (the next page's link is in the {@code Link} header, rel="next").
 */
@Path("epcis/events")
@RequestScoped
public class EventsResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private static final Set<String> PARAMETERS = Set.of(
            "eventType",
            "EQ_bizStep",
            "EQ_disposition",
            "MATCH_epc",
            "MATCH_anyEPCClass",
            "EQ_bizLocation",
            "GE_eventTime",
            "LT_eventTime",
            "perPage",
            "nextPageToken");

    @Inject
    EpcisQueries queries;

    @Inject
    EpcisWriter writer;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Produces(EpcisHeaders.JSON)
    @Operation(summary = "EPCIS events (EQ_bizStep, MATCH_epc, MATCH_anyEPCClass, GE/LT_eventTime, EQ_bizLocation)")
    public Response events() {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        for (String name : q.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new Problems.ValidationFailed(
                        name, "Temso does not answer the query parameter " + name + "; it answers " + PARAMETERS);
            }
        }
        List<String> epcs = values(q, "MATCH_epc");
        List<String> classes = values(q, "MATCH_anyEPCClass");
        if (epcs.size() + classes.size() > EpcisQueries.MAX_IDENTIFIERS) {
            throw new Problems.ValidationFailed(
                    "MATCH_epc", "a query names at most " + EpcisQueries.MAX_IDENTIFIERS + " identifiers");
        }
        EventFilter filter = new EventFilter(
                values(q, "eventType"),
                values(q, "EQ_bizStep"),
                values(q, "EQ_disposition"),
                epcs,
                classes,
                values(q, "EQ_bizLocation"),
                time(q, "GE_eventTime"),
                time(q, "LT_eventTime"));
        int perPage = perPage(q.getFirst("perPage"));
        EventRow.Cursor after = PageToken.read(q.getFirst("nextPageToken"));
        List<EventRow> rows = queries.page(filter, after, perPage);
        boolean more = rows.size() > perPage;
        List<EventRow> page = more ? rows.subList(0, perPage) : rows;
        Instant now = clock.instant();
        StreamingOutput body = out -> writer.write(out, EpcisWriter.Form.QUERY, now, page.stream());
        Response.ResponseBuilder r = EpcisHeaders.on(Response.ok(body, EpcisHeaders.JSON));
        if (more) {
            r.header(
                    "Link",
                    "<" + nextLink(q, PageToken.of(page.get(page.size() - 1).cursor())) + ">; rel=\"next\"");
        }
        return r.build();
    }

    @GET
    @Path("{eventID}")
    @Produces(EpcisHeaders.JSON)
    @Operation(summary = "One EPCIS event by its eventID")
    public Response event(@PathParam("eventID") String eventId) {
        EventRow row = queries.one(eventId);
        Instant now = clock.instant();
        StreamingOutput body = out -> writer.write(out, EpcisWriter.Form.QUERY, now, java.util.stream.Stream.of(row));
        return EpcisHeaders.on(Response.ok(body, EpcisHeaders.JSON)).build();
    }

    /** Every value of a parameter, each split at {@code |} (the REST binding's list separator). */
    private static List<String> values(MultivaluedMap<String, String> q, String name) {
        List<String> all = new ArrayList<>();
        for (String v : q.getOrDefault(name, List.of())) {
            for (String part : v.split("\\|")) {
                if (!part.isBlank()) {
                    if (part.length() > 500) {
                        throw new Problems.ValidationFailed(name, "a value is at most 500 characters");
                    }
                    all.add(part.strip());
                }
            }
        }
        return all;
    }

    private static Instant time(MultivaluedMap<String, String> q, String name) {
        String v = q.getFirst(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Problems.ValidationFailed(
                    name, "expected a date and time with its offset, e.g. 2026-03-01T00:00:00+07:00");
        }
    }

    private static int perPage(String v) {
        if (v == null || v.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problems.ValidationFailed("perPage", "perPage is a whole number from 1 to " + MAX_PAGE);
    }

    /** The same query at the next page, at the path partners use. */
    private static String nextLink(MultivaluedMap<String, String> q, String token) {
        String query = q.entrySet().stream()
                .filter(e -> !"nextPageToken".equals(e.getKey()))
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return "/epcis/events?" + (query.isEmpty() ? "" : query + "&") + "nextPageToken=" + enc(token);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The opaque page token: where the next page starts. */
    static final class PageToken {

        private PageToken() {}

        static String of(EventRow.Cursor c) {
            String raw = c.eventTime().getEpochSecond() + "." + c.eventTime().getNano() + "|" + c.eventId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static EventRow.Cursor read(String token) {
            if (token == null || token.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                int dot = raw.indexOf('.');
                if (bar < 0 || dot < 0 || dot > bar) {
                    throw new IllegalArgumentException(raw);
                }
                Instant t = Instant.ofEpochSecond(
                        Long.parseLong(raw.substring(0, dot)), Long.parseLong(raw.substring(dot + 1, bar)));
                return new EventRow.Cursor(t, raw.substring(bar + 1));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new Problems.ValidationFailed("nextPageToken", "nextPageToken is not one this service gave");
            }
        }
    }
}
