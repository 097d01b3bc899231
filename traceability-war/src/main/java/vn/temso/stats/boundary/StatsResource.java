package vn.temso.stats.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.time.FarmTime;
import vn.temso.stats.control.Report;
import vn.temso.stats.control.Statistics;
import vn.temso.stats.control.StatsFiles;
import vn.temso.stats.control.StatsFilter;
import vn.temso.stats.control.StatsRange;
import vn.temso.stats.control.StatsTable;

@Path("stats")
@Tag(name = "Statistics", description = "Reports over what the caller may read, by Vietnamese day; JSON, CSV or .xlsx")
public class StatsResource {

    @Inject
    Statistics statistics;

    @Inject
    CurrentCaller current;

    @Inject
    Clock clock;

    /** The reports there are. */
    public record ReportIndex(List<String> reports, int defaultDays, int maxDays, int ocopExpiringDays) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The names of the reports")
    public ReportIndex index() {
        current.require();
        return new ReportIndex(
                Arrays.stream(Report.values()).map(Report::id).toList(),
                StatsRange.DEFAULT_DAYS,
                StatsRange.MAX_DAYS,
                Statistics.EXPIRING_DAYS);
    }

    @GET
    @Path("{report}") // the name, optionally with .csv or .xlsx; checked below
    @Produces({MediaType.APPLICATION_JSON, "text/csv", StatsFiles.XLSX})
    @Operation(
            summary = "One report as JSON, or as a file: <report>.csv (UTF-8 with BOM) or <report>.xlsx (or format=)",
            description = "from, to: ISO days in Vietnam, both included (default: the 30 days up to today; at most"
                    + " 366 days). commune (name), cooperativeId: narrow to one commune or cooperative the caller"
                    + " may see (another cooperative is 404). Files have headers and codes in Vietnamese, or English"
                    + " with lang=en or Accept-Language: en.")
    public Response report(
            @PathParam("report") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("commune") String commune,
            @QueryParam("cooperativeId") String cooperativeId,
            @QueryParam("format") String format,
            @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        current.require();
        Report.File asked = Report.ofFile(name, format);
        StatsRange range = StatsRange.parse(from, to, FarmTime.today(clock));
        StatsTable table = statistics.table(asked.report(), new StatsFilter(range, commune, cooperativeId));
        Locale locale = lang != null ? locale(lang) : locale(acceptLanguage);
        return switch (asked.extension()) {
            case "csv" -> file(out -> StatsFiles.csv(table, locale, out), StatsFiles.CSV, table, "csv");
            case "xlsx" -> file(out -> StatsFiles.xlsx(table, locale, out), StatsFiles.XLSX, table, "xlsx");
            default ->
                Response.ok(StatsView.of(table), MediaType.APPLICATION_JSON).build();
        };
    }

    /** English when the language asked for starts with "en"; otherwise Vietnamese. */
    static Locale locale(String language) {
        return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.forLanguageTag("vi");
    }

    private static Response file(StreamingOutput body, String type, StatsTable table, String ext) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + StatsFiles.fileName(table, ext) + "\"")
                .build();
    }
}
