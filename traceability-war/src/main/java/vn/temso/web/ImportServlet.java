package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vn.temso.imports.boundary.ImportsResource;
import vn.temso.imports.boundary.SheetImports;
import vn.temso.imports.control.Exporter;
import vn.temso.imports.control.ImportKind;
import vn.temso.imports.control.ImportResult;
import vn.temso.imports.control.Messages;
import vn.temso.imports.control.Templates;
import vn.temso.platform.domain.DomainException;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.ProblemMappers;

/**
 * The import page's upload (POST /app/import?kind=&dryRun=, the file in "file", sent by the page's script with an
 * upload progress bar) and its downloads (GET /app/import?template=zones, ?export=zones.csv): the same importer and
 * exporter as the API, for the signed-in user (UiFilter). A POST must carry the header X-Temso-Upload, which a form
 * of another site cannot send.
 */
@WebServlet(urlPatterns = "/app/import")
@MultipartConfig(maxFileSize = 25_000_000L, maxRequestSize = 26_000_000L, fileSizeThreshold = 1_000_000)
public class ImportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SheetImports sheets;

    @Inject
    transient Exporter exporter;

    @Inject
    transient UiSession session;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Locale locale = Messages.locale(session.getLocale());
        resp.setCharacterEncoding("UTF-8");
        try {
            if (req.getHeader("X-Temso-Upload") == null) {
                resp.sendError(403);
                return;
            }
            Part file = req.getPart("file");
            if (file == null) {
                resp.sendError(400);
                return;
            }
            ImportResult r = sheets.importFile(
                    ImportKind.of(req.getParameter("kind")),
                    file.getInputStream(),
                    null,
                    req.getParameter("codeProperty"),
                    locale,
                    !"false".equals(req.getParameter("dryRun")));
            resp.setContentType("application/json");
            resp.getOutputStream().write(ImportsResource.body(r, locale).getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            problem(resp, e);
        } catch (DomainException e) {
            problem(resp, ProblemMappers.problem(e));
        } catch (IllegalStateException | jakarta.servlet.ServletException e) {
            problem(resp, vn.temso.imports.control.FileProblem.tooLarge(locale, sheets.maxBytes()));
        }
    }

    private static void problem(HttpServletResponse resp, ProblemException e) throws IOException {
        resp.setStatus(e.status());
        resp.setContentType("application/problem+json");
        resp.getOutputStream()
                .write(ProblemBody.json(e.status(), e.type(), e.title(), e.getMessage(), e.violations(), null)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Locale locale = Messages.locale(session.getLocale());
        try {
            String template = req.getParameter("template");
            String export = req.getParameter("export");
            if (template != null) {
                ImportKind k = ImportKind.of(template);
                download(
                        resp,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "temso-" + k.path() + "-mau.xlsx");
                Templates.write(k, resp.getOutputStream());
            } else if ("all.xlsx".equals(export)) {
                download(resp, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "temso.xlsx");
                exporter.xlsx(List.of(ImportKind.values()), locale, resp.getOutputStream());
            } else if ("zones.geojson".equals(export)) {
                download(resp, "application/geo+json", "temso-zones.geojson");
                exporter.geoJson(resp.getOutputStream());
            } else if (export != null && export.endsWith(".csv")) {
                ImportKind k = ImportKind.of(export.substring(0, export.length() - 4));
                download(resp, "text/csv; charset=UTF-8", "temso-" + export);
                exporter.csv(k, locale, resp.getOutputStream());
            } else {
                resp.sendError(404);
            }
        } catch (ProblemException e) {
            resp.sendError(e.status());
        }
    }

    private static void download(HttpServletResponse resp, String type, String name) {
        resp.setContentType(type);
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
