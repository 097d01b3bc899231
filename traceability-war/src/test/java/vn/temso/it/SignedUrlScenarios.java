package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Who may hold signed stamp URLs (issue 12, finding 7): a signed URL is the label itself, so only those who may
 * print a cooperative's labels get it, on every path (API list, CSV export, QR image, the web page and its CSV
 * download). Members see their stamps' serials, status and scan counts without URL or signature. The matrix: every
 * path x every role, own and other cooperative.
 */
public abstract class SignedUrlScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    /** The GS1 application identifier that carries a stamp's signature in its URL. */
    static final String SIGNATURE = "8030=";

    /** What each demo user may do with the stamps of a batch of HTX Tân Trụ Xanh (commune Bình Tịnh). */
    enum Holds {
        SIGNED_URLS,
        METADATA_ONLY,
        NOTHING
    }

    static final Map<String, Holds> ROLES = new LinkedHashMap<>(Map.of(
            "admin",
            Holds.SIGNED_URLS,
            MANAGER,
            Holds.SIGNED_URLS,
            "canbo.binhtinh",
            Holds.SIGNED_URLS, // commune staff of the cooperative's commune print labels
            "tantru.xavien",
            Holds.METADATA_ONLY, // a member of the cooperative
            "canbo.hoatan",
            Holds.NOTHING, // commune staff of another commune
            "duchoa.quanly",
            Holds.NOTHING)); // the manager of another cooperative

    @Test
    void shouldGiveSignedStampUrlsOnlyToThoseWhoMayPrintOnEveryPath() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String b = batch.get("id").asText();
        issue(b, 3);
        String serial = api.get(MANAGER, "/api/batches/" + b + "/stamps")
                .json()
                .at("/items/0/serial")
                .asText();
        // one of its own stamps on the suspicious list, so that path has a signed URL to keep from those who may not
        Fixtures.scannedAsCopy(
                api,
                api.get(MANAGER, "/api/batches/" + b + "/stamps")
                        .json()
                        .at("/items/2/url")
                        .asText());

        record Path(String name, boolean web, Function<Object, Api.Reply> call) {}
        List<Path> paths = List.of(
                new Path("API stamp list", false, u -> api.get((String) u, "/api/batches/" + b + "/stamps?size=200")),
                new Path("API CSV export", false, u -> any((String) u, "/api/batches/" + b + "/stamps/export")),
                new Path("API QR image", false, u -> any((String) u, "/api/batches/" + b + "/stamps/1/qr.png")),
                new Path("API suspicious stamps", false, u -> api.get((String) u, "/api/stamps/suspicious?size=200")),
                new Path("web batch page", true, s -> ((WebSession) s).get("/app/batch.xhtml?id=" + b)),
                new Path("web CSV download", true, s -> ((WebSession) s).get("/app/stamps.csv?batch=" + b)));

        List<Executable> checks = new ArrayList<>();
        for (var role : ROLES.entrySet()) {
            String user = role.getKey();
            Holds holds = role.getValue();
            WebSession web = WebSession.signIn(api, user);
            for (Path path : paths) {
                Api.Reply r = path.call().apply(path.web() ? web : user);
                String what = user + " " + path.name() + ": " + r.status() + " " + r.text();
                boolean signed = r.text().contains(SIGNATURE); // the signature part of a stamp URL
                switch (path.name()) {
                    case "API stamp list" -> {
                        if (holds == Holds.NOTHING) {
                            checks.add(() -> assertProblem(r, 404, "not-found"));
                        } else {
                            JsonNode items = r.json().get("items");
                            checks.add(() -> assertEquals(3, items.size(), what));
                            checks.add(() -> assertEquals(
                                    serial, items.get(0).get("serial").asText(), what));
                            checks.add(() -> assertEquals(
                                    "ACTIVE", items.get(0).get("status").asText(), what));
                            checks.add(() -> assertEquals(
                                    holds == Holds.SIGNED_URLS, items.get(0).hasNonNull("url"), what));
                            checks.add(() -> assertEquals(holds == Holds.SIGNED_URLS, signed, what));
                        }
                    }
                    case "API CSV export" ->
                        checks.add(() -> {
                            switch (holds) {
                                case SIGNED_URLS -> {
                                    assertEquals(200, r.status(), what);
                                    assertTrue(r.contentType().startsWith("text/csv"), what);
                                    assertEquals(4, r.text().lines().count(), what);
                                    assertTrue(signed, what);
                                }
                                case METADATA_ONLY -> assertProblem(r, 403, "forbidden");
                                case NOTHING -> assertProblem(r, 404, "not-found");
                            }
                        });
                    case "API QR image" ->
                        checks.add(() -> {
                            switch (holds) {
                                case SIGNED_URLS -> {
                                    assertEquals(200, r.status(), what);
                                    assertTrue(r.contentType().startsWith("image/png"), what);
                                }
                                case METADATA_ONLY -> assertProblem(r, 403, "forbidden");
                                case NOTHING -> assertProblem(r, 404, "not-found");
                            }
                        });
                    case "API suspicious stamps" ->
                        checks.add(() -> {
                            assertEquals(200, r.status(), what);
                            if (holds != Holds.SIGNED_URLS) {
                                assertFalse(signed, what);
                            }
                        });
                    case "web batch page" ->
                        checks.add(() -> {
                            if (holds != Holds.NOTHING) {
                                assertEquals(200, r.status(), what);
                            }
                            assertEquals(holds == Holds.SIGNED_URLS, signed, what);
                            assertEquals(holds != Holds.NOTHING, r.text().contains(serial), what);
                        });
                    case "web CSV download" ->
                        checks.add(() -> {
                            assertEquals(
                                    switch (holds) {
                                        case SIGNED_URLS -> 200;
                                        case METADATA_ONLY -> 403;
                                        case NOTHING -> 404;
                                    },
                                    r.status(),
                                    what);
                            assertEquals(holds == Holds.SIGNED_URLS, signed, what);
                        });
                    default -> throw new IllegalStateException(path.name());
                }
            }
        }
        assertAll(checks);
    }

    /** A GET that accepts any media type (CSV, PNG, or the problem+json of a refusal). */
    static Api.Reply any(String user, String path) {
        return api.request("GET", path).as(user).accept("*/*").send();
    }

    /** Issues {@code count} stamps as the manager and waits until the job is done. */
    static void issue(String batchId, int count) throws InterruptedException {
        Fixtures.issue(api, MANAGER, batchId, count);
    }
}
