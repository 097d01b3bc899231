package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.temso.batch.boundary.EventRequest;
import vn.temso.batch.boundary.SeasonView;
import vn.temso.batch.control.EntryPhotos;
import vn.temso.batch.control.EventCommand;
import vn.temso.batch.control.Inputs;
import vn.temso.batch.control.Seasons;
import vn.temso.batch.entity.EntryPhoto;
import vn.temso.platform.domain.DomainException;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.ProblemMappers;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Idempotent;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.MaterialZone;

/**
 * The JSON the field diary page ({@code /app/diary.html}, diary.js) reads and writes, under /app so the signed-in
 * session (not a bearer token in the page) authenticates it: the caller's zones with their seasons, a season's
 * entries, input suggestions, and new entries (idempotent on their clientId, so the page's offline queue may send one
 * again). Writes accept only {@code application/json} from this origin (a cross-site form cannot send that).
 */
@WebServlet(urlPatterns = "/app/diary/*")
@MultipartConfig(maxFileSize = EntryPhotos.MAX_UPLOAD, maxRequestSize = EntryPhotos.MAX_UPLOAD + 64 * 1024)
public class DiaryServlet extends HttpServlet {

    private static final int MAX_BODY = 64 * 1024;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Zones zones;

    @Inject
    Seasons seasons;

    @Inject
    Inputs inputs;

    @Inject
    EntryPhotos photos;

    /** A zone the caller can read, with its seasons. */
    public record ZoneSeasons(String id, String code, String name, List<SeasonView> seasons) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String what = req.getPathInfo() == null ? "" : req.getPathInfo();
        answer(resp, () -> switch (what) {
            case "/zones" ->
                Lists.choices(r -> zones.list(null, null, null, null, r)).stream()
                        .map(this::withSeasons)
                        .toList();
            case "/entries" ->
                SeasonView.EntryView.diary(seasons.entries(req.getParameter("zone"), req.getParameter("season")));
            case "/inputs" -> inputs.suggest(req.getParameter("q"), null);
            default -> throw new Problems.NotFound("Diary resource", what);
        });
    }

    private ZoneSeasons withSeasons(MaterialZone z) {
        return new ZoneSeasons(
                z.getId(),
                z.getCode(),
                z.getName(),
                seasons.list(z.getId()).stream().map(SeasonView::of).toList());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/photos".equals(req.getPathInfo())) {
            answer(resp, () -> photo(req, resp));
            return;
        }
        answer(resp, () -> {
            if (!"/entries".equals(req.getPathInfo())) {
                throw new Problems.NotFound("Diary resource", String.valueOf(req.getPathInfo()));
            }
            sameOrigin(req);
            String zone = req.getParameter("zone");
            String season = req.getParameter("season");
            EventCommand c = read(req).toCommand();
            var made = Idempotent.create(
                    c.clientId(),
                    () -> seasons.entryByClientId(zone, season, c.clientId()),
                    () -> seasons.addEntry(zone, season, c));
            resp.setStatus(made.created() ? 201 : 200);
            return SeasonView.EntryView.of(made.value(), false);
        });
    }

    /**
     * A photo of an entry (multipart field {@code photo}, from {@code <input type="file" accept="image/*"
     * capture>}); {@code keepLocation=true} keeps the camera's GPS position. A multipart form can be posted from any
     * site, so this one needs the Origin header of this site.
     */
    private Object photo(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        if (origin == null
                || !req.getServerName().equalsIgnoreCase(URI.create(origin).getHost())) {
            throw new Problems.Forbidden("Photos are added from this site's own pages");
        }
        Part part;
        try {
            part = req.getPart("photo");
        } catch (IOException | ServletException | IllegalStateException e) {
            throw new Problems.ValidationFailed("photo", "A photo is at most 12 MB, sent as the form field photo");
        }
        if (part == null) {
            throw new Problems.ValidationFailed("photo", "Send the photo as the form field photo");
        }
        String zone = req.getParameter("zone");
        String season = req.getParameter("season");
        String entry = req.getParameter("entry");
        String clientId = req.getParameter("clientId");
        try (InputStream in = part.getInputStream()) {
            var made = Idempotent.create(
                    clientId,
                    () -> photos.byClientId(zone, season, entry, clientId),
                    () -> photos.add(
                            zone,
                            season,
                            entry,
                            part.getContentType(),
                            in,
                            "true".equals(req.getParameter("keepLocation")),
                            clientId));
            resp.setStatus(made.created() ? 201 : 200);
            EntryPhoto p = made.value();
            return Map.of("id", p.getId(), "width", p.getWidth(), "height", p.getHeight());
        } catch (IOException e) {
            throw new Problems.ValidationFailed("photo", "The photo could not be read");
        }
    }

    private static void sameOrigin(HttpServletRequest req) {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Problems.ValidationFailed("body", "Send the entry as application/json");
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            URI o = URI.create(origin);
            if (!req.getServerName().equalsIgnoreCase(o.getHost())) {
                throw new Problems.Forbidden("Entries are written from this site's own pages");
            }
        }
    }

    private static EventRequest read(HttpServletRequest req) {
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Problems.ValidationFailed("body", "A diary entry is at most 64 KiB");
            }
            EventRequest r = JSON.fromJson(new String(body, StandardCharsets.UTF_8), EventRequest.class);
            if (r == null) {
                throw new Problems.ValidationFailed("body", "Send the entry as a JSON object");
            }
            Validation.check(r);
            return r;
        } catch (JsonbException e) {
            throw new Problems.ValidationFailed("body", "The entry is not valid JSON for a diary entry");
        } catch (IOException e) {
            throw new Problems.ValidationFailed("body", "The entry could not be read");
        }
    }

    private interface Action {
        Object run();
    }

    /** The action's result as JSON, or its problem as problem+json. */
    private static void answer(HttpServletResponse resp, Action action) throws IOException {
        String body;
        try {
            body = JSON.toJson(action.run());
            resp.setContentType("application/json;charset=UTF-8");
        } catch (ProblemException e) {
            body = problem(resp, e);
        } catch (DomainException e) {
            body = problem(resp, ProblemMappers.problem(e));
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(HttpServletResponse resp, ProblemException e) {
        resp.setStatus(e.status());
        resp.setContentType("application/problem+json;charset=UTF-8");
        return ProblemBody.json(e.status(), e.type(), e.title(), e.getMessage(), e.violations(), null);
    }
}
