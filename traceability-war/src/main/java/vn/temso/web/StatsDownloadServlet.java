package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.time.FarmTime;
import vn.temso.stats.control.Report;
import vn.temso.stats.control.Statistics;
import vn.temso.stats.control.StatsFiles;
import vn.temso.stats.control.StatsFilter;
import vn.temso.stats.control.StatsRange;
import vn.temso.stats.control.StatsTable;

/**
 * The dashboard's download links: {@code /app/stats/<report>.csv} or {@code .xlsx} for the signed-in user (UiFilter
 * checks sign-in), the same reports and parameters as {@code /api/stats}, in the page's language.
 */
@WebServlet(urlPatterns = "/app/stats/*")
public class StatsDownloadServlet extends HttpServlet {

    @Inject
    Statistics statistics;

    @Inject
    UiSession ui;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        StatsTable table;
        Report.File asked;
        try {
            asked = Report.ofFile(name, "csv");
            StatsRange range =
                    StatsRange.parse(req.getParameter("from"), req.getParameter("to"), FarmTime.today(clock));
            table = statistics.table(
                    asked.report(),
                    new StatsFilter(range, req.getParameter("commune"), req.getParameter("cooperativeId")));
        } catch (ProblemException e) {
            resp.sendError(e.status());
            return;
        }
        boolean xlsx = "xlsx".equals(asked.extension());
        resp.setContentType(xlsx ? StatsFiles.XLSX : StatsFiles.CSV);
        resp.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + StatsFiles.fileName(table, xlsx ? "xlsx" : "csv") + "\"");
        if (xlsx) {
            StatsFiles.xlsx(table, ui.getLocaleObject(), resp.getOutputStream());
        } else {
            StatsFiles.csv(table, ui.getLocaleObject(), resp.getOutputStream());
        }
    }
}
