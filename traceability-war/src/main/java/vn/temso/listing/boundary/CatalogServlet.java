package vn.temso.listing.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.listing.control.AreaCatalog;
import vn.temso.listing.control.AreaFeeds;
import vn.temso.listing.control.AreaScope;
import vn.temso.listing.control.CatalogEntries;
import vn.temso.listing.control.CatalogRow;
import vn.temso.listing.control.CatalogSettings;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.time.FarmTime;

/**
 * The public catalogue of OCOP products (no sign-in): {@code /catalog} for the province, {@code ?commune=<slug>} for
 * one commune, {@code ?coop=<id>} for one cooperative, {@code ?after=<cooperative id>:<product id>} for the next
 * page (keyset in that order, so page 1,000 costs what page 1 does), {@code ?lang=en} for English. The same products as the
 * area feeds ({@link AreaCatalog}). Parameters are checked for shape before anything is looked up: a malformed one
 * is a 400, an unknown commune or cooperative a 404. Rendered pages are cached, bounded ({@link Bounded}), for a
 * minute at most and until public content changes.
 */
@WebServlet(urlPatterns = "/catalog")
public class CatalogServlet extends HttpServlet {

    static final int PAGE = 24;
    static final int LOTS = 3;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** As the trace page: no script runs (the JSON-LD block is data), no framing, nothing from other sites. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    static final int MAX_PAGES = 2_000;
    static final long MAX_BYTES = 32L << 20;

    private record Key(long generation, LocalDate day, String scope, String coop, String after, boolean english) {}

    private static final Cache<Key, byte[]> PAGES = Bounded.<Key, byte[]>builder(
                    MAX_PAGES, MAX_BYTES, (k, v) -> 200 + v.length)
            .expireAfterWrite(Duration.ofMinutes(1)) // listings are not public content: a minute at most behind
            .build();

    @Inject
    AreaFeeds areas;

    @Inject
    CatalogSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String configuredBaseUrl;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = req.getParameter("lang");
        boolean english = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en");
        String commune = req.getParameter("commune");
        String coop = req.getParameter("coop");
        String after = req.getParameter("after");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if ((commune != null && !AreaScope.isSlug(commune))
                || (coop != null && !ID.matcher(coop).matches())
                || (after != null && !AreaCatalog.isKey(after))
                || (commune != null && coop != null)) {
            send(resp, 400, CatalogPage.problem(english, "area.badRequest").getBytes(StandardCharsets.UTF_8));
            return;
        }
        AreaScope scope = commune == null ? AreaScope.PROVINCE : AreaScope.commune(commune);
        LocalDate today = FarmTime.today(clock);
        Key key = new Key(PublicContent.generation(), today, scope.scope(), coop, after, english);
        byte[] page = PAGES.getIfPresent(key);
        if (page == null) {
            page = render(scope, coop, after, english, today);
            if (page == null) {
                send(resp, 404, CatalogPage.problem(english, "area.notFound").getBytes(StandardCharsets.UTF_8));
                return;
            }
            PAGES.put(key, page);
        }
        resp.setHeader("Cache-Control", "public, max-age=60");
        resp.setHeader("Vary", "Accept-Language");
        send(resp, 200, page);
    }

    /** The page, or null for a commune or cooperative that is not in the catalogue. */
    private byte[] render(AreaScope scope, String coop, String after, boolean english, LocalDate today) {
        List<String> cooperatives;
        String coopName = null;
        List<AreaFeeds.Commune> communes = areas.communes();
        String scopeName;
        if (coop != null) {
            var c = areas.consenting(coop);
            if (c == null) {
                return null;
            }
            cooperatives = List.of(coop);
            coopName = c.getName();
            scopeName = null;
        } else if (scope.isProvince()) {
            cooperatives = areas.cooperativesOf(scope);
            scopeName = settings.provinceName();
        } else {
            cooperatives = areas.cooperativesOf(scope);
            if (cooperatives.isEmpty()) {
                return null;
            }
            scopeName = communes.stream()
                    .filter(c -> c.slug().equals(scope.commune()))
                    .map(AreaFeeds.Commune::name)
                    .findFirst()
                    .orElse(scope.commune());
        }
        String base = baseUrl();
        List<AreaCatalog.Row> rows = areas.page(cooperatives, after, PAGE + 1, today);
        String next = rows.size() > PAGE ? rows.get(PAGE - 1).key() : null;
        List<CatalogPage.Item> items = new ArrayList<>();
        for (AreaCatalog.Row r : rows.subList(0, Math.min(PAGE, rows.size()))) {
            CatalogRow l = r.listing();
            if (l == null) {
                continue;
            }
            String image = l.imageUrl();
            items.add(new CatalogPage.Item(
                    CatalogEntries.of(l, base, today, r.stocked()),
                    l.cooperativeId(),
                    l.cooperativeName(),
                    l.cooperativeCommune(),
                    // same origin only, as the trace page: the page makes no outside requests
                    image != null && image.startsWith("/") && !image.startsWith("//") ? image : null,
                    areas.openLots(l.productId(), LOTS)));
        }
        return CatalogPage.render(new CatalogPage.View(
                        english, base, scope, scopeName, coop, coopName, after, items, next, communes))
                .getBytes(StandardCharsets.UTF_8);
    }

    private String baseUrl() {
        return configuredBaseUrl.replaceAll("/+$", "");
    }

    private static void send(HttpServletResponse resp, int status, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=UTF-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
