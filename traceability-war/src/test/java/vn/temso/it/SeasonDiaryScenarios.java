package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.temso.testsupport.CameraJpegs;

/**
 * Issue 16: the farm diary is written against zone + season before any batch exists; the batch harvested from the
 * zone within the season takes its entries (and the pre-harvest-interval rule sees them); a client id makes a
 * repeated create, even two at once, one record.
 */
public abstract class SeasonDiaryScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String MEMBER = "tantru.xavien";

    static String seasonsOf(String zoneId) {
        return "/api/zones/" + zoneId + "/seasons";
    }

    static JsonNode season(String zoneId, String startsOn, String endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Đông Xuân " + unique());
        body.put("crop", "Lúa ST25");
        body.put("startsOn", startsOn);
        body.put("endsOn", endsOn);
        Api.Reply r = api.post(MANAGER, seasonsOf(zoneId), body);
        assertEquals(201, r.status(), r.text());
        assertNotNull(r.header("Location"));
        return r.json();
    }

    static Map<String, Object> entry(String type, String occurredAt) {
        Map<String, Object> e = new HashMap<>();
        e.put("type", type);
        e.put("occurredAt", occurredAt);
        return e;
    }

    static Map<String, Object> spraying(String occurredAt, String input, int phi) {
        Map<String, Object> e = entry("SPRAYING", occurredAt);
        e.put("inputName", input);
        e.put("dose", "1 lít/ha");
        e.put("preHarvestIntervalDays", phi);
        return e;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void shouldHandTheSeasonsDiaryWrittenBeforeHarvestToTheBatchHarvested() {
        JsonNode zone = Fixtures.zone(api, MANAGER);
        String z = zone.get("id").asText();
        JsonNode s = season(z, "2026-08-01", null);
        String entries = seasonsOf(z) + "/" + s.get("id").asText() + "/events";

        Map<String, Object> sowing = entry("SOWING", "2026-08-05T06:30:00+07:00");
        String nfd = Normalizer.normalize("Gieo sạ giống ST25, mật độ 80 kg/ha", Normalizer.Form.NFD);
        sowing.put("note", nfd);
        Api.Reply sown = api.post(MEMBER, entries, sowing);
        assertEquals(201, sown.status(), sown.text());
        assertEquals(
                Normalizer.normalize(nfd, Normalizer.Form.NFC),
                sown.json().get("note").asText(),
                "stored NFC");
        assertEquals(z, sown.json().get("zoneId").asText());

        Map<String, Object> fert = entry("FERTILISING", "2026-09-01T07:00:00+07:00");
        fert.put("inputName", "NPK 20-20-15");
        String fertId = api.post(MEMBER, entries, fert).json().get("id").asText();
        Map<String, Object> fix = new HashMap<>(fert);
        fix.put("inputName", "NPK 16-16-8");
        fix.put("correctsEventId", fertId);
        assertEquals(201, api.post(MEMBER, entries, fix).status());
        // sprayed on 6 November with 7 days to wait: the harvest of 10 November is too early
        assertEquals(
                201,
                api.post(MEMBER, entries, spraying("2026-11-06T07:30:00+07:00", "Validamycin 5SL", 7))
                        .status());

        JsonNode diary = api.get("canbo.binhtinh", entries).json();
        assertEquals(4, diary.size(), diary.toString());
        assertEquals(
                1,
                list(diary).stream()
                        .filter(e -> e.get("superseded").asBoolean())
                        .count());
        assertEquals(
                4,
                api.get(MANAGER, seasonsOf(z) + "/" + s.get("id").asText())
                        .json()
                        .get("entryCount")
                        .asInt());

        JsonNode product = Fixtures.product(api, MANAGER);
        Api.Reply made = api.post(
                MANAGER, "/api/batches", Fixtures.batchBody(product.get("id").asText(), z, "S" + unique()));
        assertEquals(201, made.status(), made.text());
        JsonNode batch = made.json();
        String b = batch.get("id").asText();
        assertEquals(4, batch.get("eventCount").asInt(), batch.toString());
        JsonNode warning = batch.at("/warnings/0");
        assertEquals("PRE_HARVEST_INTERVAL", warning.get("code").asText(), batch.toString());
        assertEquals("2026-11-13", warning.get("safeHarvestFrom").asText());

        JsonNode taken = api.get(MANAGER, "/api/batches/" + b + "/events").json();
        assertEquals(4, taken.size());
        assertTrue(list(taken).stream()
                .allMatch(e -> e.hasNonNull("seasonEntryId")
                        && z.equals(e.get("zoneId").asText())));
        JsonNode corrected = list(taken).stream()
                .filter(e -> e.get("superseded").asBoolean())
                .findFirst()
                .orElseThrow();
        assertEquals(fertId, corrected.get("seasonEntryId").asText(), "the correction names the batch's copy");

        // written in the season after the harvest was recorded: joins the batch's diary too
        Api.Reply late = api.post(MEMBER, entries, entry("IRRIGATION", "2026-11-08T05:00:00+07:00"));
        assertEquals(201, late.status(), late.text());
        assertEquals(5, api.get(MANAGER, "/api/batches/" + b + "/events").json().size());

        // the batch diary API as it always was, beside the season's
        Api.Reply own =
                api.post(MANAGER, "/api/batches/" + b + "/events", entry("PACKING", "2026-11-11T08:00:00+07:00"));
        assertEquals(201, own.status(), own.text());
        assertEquals(6, api.get(MANAGER, "/api/batches/" + b + "/events").json().size());
        assertEquals(5, api.get(MANAGER, entries).json().size(), "a batch's own entry stays out of the season");

        // EPCIS: every entry of the batch's diary is an event about the lot
        String epcis = api.get(MANAGER, "/api/batches/" + b + "/epcis").text();
        assertTrue(epcis.contains("Validamycin 5SL") && epcis.contains("NPK 16-16-8"), epcis);

        // the trace page shows the season's work
        Fixtures.issue(api, MANAGER, b, 1);
        String stampUrl = api.get(MANAGER, "/api/batches/" + b + "/stamps?size=1")
                .json()
                .at("/items/0/url")
                .asText();
        String page = api.request("GET", Fixtures.local(stampUrl)).send().text();
        assertTrue(page.contains("Validamycin 5SL"), "the season's spraying on the trace page");
    }

    @Test
    void shouldKeepTheSeasonsRules() {
        String z = Fixtures.zone(api, MANAGER).get("id").asText();
        JsonNode s = season(z, "2026-02-01", "2026-05-31");
        String entries = seasonsOf(z) + "/" + s.get("id").asText() + "/events";

        Map<String, Object> overlapping = Map.of("name", "Hè Thu", "startsOn", "2026-05-15");
        assertProblem(api.post(MANAGER, seasonsOf(z), overlapping), 422, "season-overlap");
        assertProblem(api.post(MANAGER, seasonsOf(z), Map.of("startsOn", "2026-06-01")), 400, "validation-failed");
        Map<String, Object> backwards = Map.of("name", "Hè Thu", "startsOn", "2026-08-01", "endsOn", "2026-07-01");
        Api.Reply r = api.post(MANAGER, seasonsOf(z), backwards);
        assertProblem(r, 400, "validation-failed");
        assertTrue(hasViolation(r, "endsOn"), r.text());

        r = api.post(MEMBER, entries, entry("SOWING", "2026-07-01T07:00:00+07:00"));
        assertProblem(r, 400, "validation-failed");
        assertTrue(hasViolation(r, "occurredAt"), "outside the season: " + r.text());
        r = api.post(MEMBER, entries, entry("SHIPPING", "2026-03-01T07:00:00+07:00"));
        assertProblem(r, 400, "validation-failed");
        assertTrue(hasViolation(r, "type"), r.text());
        r = api.post(MEMBER, entries, entry("SPRAYING", "2026-03-01T07:00:00+07:00"));
        assertTrue(hasViolation(r, "type"), "a spraying names its product and interval: " + r.text());
        Map<String, Object> strayFix = entry("OTHER", "2026-03-01T07:00:00+07:00");
        strayFix.put("correctsEventId", UUID.randomUUID().toString());
        assertTrue(hasViolation(api.post(MEMBER, entries, strayFix), "correctsEventId"));
        Map<String, Object> badId = entry("OTHER", "2026-03-01T07:00:00+07:00");
        badId.put("clientId", "not-a-uuid");
        r = api.post(MEMBER, entries, badId);
        assertProblem(r, 400, "validation-failed");
        assertTrue(hasViolation(r, "clientId"), r.text());

        // another cooperative's season is not found, by either path
        String other = Fixtures.zone(api, "duchoa.quanly").get("id").asText();
        assertProblem(api.get("duchoa.quanly", entries), 404, "not-found");
        assertProblem(api.get(MANAGER, seasonsOf(other) + "/" + s.get("id").asText() + "/events"), 404, "not-found");
        assertProblem(
                api.post("duchoa.quanly", entries, entry("OTHER", "2026-03-01T07:00:00+07:00")), 404, "not-found");
        assertProblem(
                api.post(MEMBER, seasonsOf(z), Map.of("name", "Thu Đông", "startsOn", "2026-09-01")), 403, "forbidden");
        assertEquals(0, api.get(MANAGER, entries).json().size(), "nothing refused was written");
    }

    @Test
    void shouldRecordOneEntryWhenTheSameClientIdArrivesTwiceAtOnce() throws Exception {
        String z = Fixtures.zone(api, MANAGER).get("id").asText();
        JsonNode s = season(z, "2026-08-01", "2027-01-31");
        String entries = seasonsOf(z) + "/" + s.get("id").asText() + "/events";
        JsonNode product = Fixtures.product(api, MANAGER);
        String b = api.post(
                        MANAGER,
                        "/api/batches",
                        Fixtures.batchBody(product.get("id").asText(), z, "D" + unique()))
                .json()
                .get("id")
                .asText();
        String batchEvents = "/api/batches/" + b + "/events";
        String z2 = Fixtures.zone(api, MANAGER).get("id").asText();
        String entries2 =
                seasonsOf(z2) + "/" + season(z2, "2026-08-01", null).get("id").asText() + "/events";
        String batchEvents2 =
                "/api/batches/" + Fixtures.batch(api, MANAGER).get("id").asText() + "/events";

        for (String path : List.of(entries, batchEvents)) {
            String clientId = UUID.randomUUID().toString();
            Map<String, Object> body = spraying("2026-10-20T07:30:00+07:00", "Validamycin 5SL", 7);
            body.put("clientId", clientId);
            List<Api.Reply> replies = twiceAtOnce(path, body);
            List<Integer> statuses = new ArrayList<>(
                    replies.stream().map(Api.Reply::status).sorted().toList());
            assertEquals(
                    List.of(200, 201),
                    statuses,
                    path + ": " + replies.get(0).text() + " / " + replies.get(1).text());
            assertEquals(replies.get(0).json().get("id"), replies.get(1).json().get("id"), "the same entry");
            assertEquals(clientId, replies.get(0).json().get("clientId").asText());

            Api.Reply again = api.post(MEMBER, path, body);
            assertEquals(200, again.status(), again.text());
            assertEquals(replies.get(0).json().get("id"), again.json().get("id"));
            long stored = list(api.get(MANAGER, path).json()).stream()
                    .filter(e -> clientId.equals(e.path("clientId").asText()))
                    .count();
            assertEquals(1, stored, "one row for " + path);

            // the same client id for an entry of another season or batch: a client bug, refused
            Api.Reply conflict = api.post(MEMBER, path.equals(entries) ? entries2 : batchEvents2, body);
            assertProblem(conflict, 409, "conflict");
        }

        String seasonClientId = UUID.randomUUID().toString();
        Map<String, Object> hk = Map.of("name", "Hè Thu", "startsOn", "2027-04-01", "clientId", seasonClientId);
        List<Api.Reply> seasons = twiceAtOnce(seasonsOf(z), hk, MANAGER);
        assertEquals(
                List.of(200, 201),
                seasons.stream().map(Api.Reply::status).sorted().toList(),
                seasons.get(0).text());
        assertEquals(2, api.get(MANAGER, seasonsOf(z)).json().size());
    }

    @Test
    void shouldRefuseBannedIngredientsAndSuggestInputsUsedBefore() {
        String z = Fixtures.zone(api, MANAGER).get("id").asText();
        JsonNode s = season(z, "2026-02-01", "2026-05-31");
        String entries = seasonsOf(z) + "/" + s.get("id").asText() + "/events";
        String batchEvents =
                "/api/batches/" + Fixtures.batch(api, MANAGER).get("id").asText() + "/events";

        for (String banned : List.of(
                "FURADAN 3GR",
                "Thuốc cỏ glyphosate 480SL",
                "Thuy ngan",
                Normalizer.normalize("Thủy ngân hữu cơ", Normalizer.Form.NFD),
                "2,4,5-T 80WP",
                "Regent 800WG")) {
            for (String path : List.of(entries, batchEvents)) {
                Api.Reply r = api.post(MEMBER, path, spraying("2026-03-01T07:00:00+07:00", banned, 7));
                assertProblem(r, 400, "validation-failed");
                assertTrue(hasViolation(r, "inputName"), banned + ": " + r.text());
                assertTrue(r.text().contains("Vietnam"), "the reason: " + r.text());
            }
        }
        String mine = "Validamycin 5SL lô " + unique();
        for (String allowed : List.of("Chlorpyrifos Methyl 40EC", "2,4-D 720SL", mine)) {
            Api.Reply r = api.post(MEMBER, entries, spraying("2026-03-02T07:00:00+07:00", allowed, 7));
            assertEquals(201, r.status(), allowed + ": " + r.text());
        }
        assertEquals(
                201,
                api.post(MEMBER, entries, spraying("2026-03-20T07:00:00+07:00", mine, 10))
                        .status());

        String typed = mine.substring(0, 8).toUpperCase();
        JsonNode suggested = api.get(
                        MEMBER,
                        "/api/inputs?q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8))
                .json();
        JsonNode own = list(suggested).stream()
                .filter(i -> i.get("name").asText().equals(mine))
                .findFirst()
                .orElseThrow(() -> new AssertionError(suggested.toString()));
        assertEquals(10, own.get("preHarvestIntervalDays").asInt(), "the interval given last");
        assertTrue(own.get("usedBefore").asBoolean());
        assertTrue(!own.get("banned").asBoolean());

        JsonNode carbo = api.get(MEMBER, "/api/inputs?q=carbo").json();
        assertTrue(
                list(carbo).stream()
                        .anyMatch(i -> i.get("banned").asBoolean()
                                && i.get("activeIngredient").asText().equals("Carbofuran")),
                carbo.toString());
        JsonNode elsewhere = api.get(
                        "duchoa.quanly",
                        "/api/inputs?q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8))
                .json();
        assertTrue(
                list(elsewhere).stream().noneMatch(i -> i.get("name").asText().equals(mine)),
                "another cooperative's inputs");
        JsonNode bannedList = api.get(MEMBER, "/api/inputs/banned").json();
        assertTrue(bannedList.at("/source/source").asText().contains("25/2024/TT-BNNPTNT"));
        assertEquals(34, bannedList.get("ingredients").size(), "31 of the circular and 3 withdrawn");
    }

    /** A JPEG from a phone camera: large, with the EXIF GPS position of Bình Tịnh (10.5371 N, 106.5122 E). */
    /** Another entry of the same season, for a client id used twice. */
    private static String otherEntry(String entries) {
        return api.post(MEMBER, entries, entry("INSPECTION", "2026-03-06T08:00:00+07:00"))
                .json()
                .get("id")
                .asText();
    }

    static byte[] cameraJpeg(int width, int height) {
        return CameraJpegs.withExif(CameraJpegs.marked(width, height), 0, true);
    }

    @Test
    void shouldStoreEntryPhotosResizedAndWithoutTheirLocationUnlessKept() throws Exception {
        String z = Fixtures.zone(api, MANAGER).get("id").asText();
        JsonNode s = season(z, "2026-02-01", "2026-05-31");
        String entries = seasonsOf(z) + "/" + s.get("id").asText() + "/events";
        String entry = api.post(MEMBER, entries, entry("INSPECTION", "2026-03-05T08:00:00+07:00"))
                .json()
                .get("id")
                .asText();
        String photos = entries + "/" + entry + "/photos";
        byte[] camera = cameraJpeg(3000, 2000);
        assertTrue(new String(camera, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"));

        Api.Reply r = api.request("POST", photos)
                .as(MEMBER)
                .body("image/jpeg", camera)
                .send();
        assertEquals(201, r.status(), r.text());
        assertEquals(1600, r.json().get("width").asInt());
        assertEquals(1067, r.json().get("height").asInt());
        assertTrue(!r.json().hasNonNull("latitude"), "no location unless asked: " + r.text());
        Api.Reply img =
                api.request("GET", r.json().get("url").asText()).as(MANAGER).send();
        assertEquals(200, img.status());
        assertTrue(img.contentType().startsWith("image/jpeg"), img.contentType());
        java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(img.raw().body()));
        assertEquals(1600, stored.getWidth());
        assertTrue(
                !new String(img.raw().body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"),
                "the stored photo has no EXIF block");

        Api.Reply kept = api.request("POST", photos + "?keepLocation=true")
                .as(MEMBER)
                .body("image/jpeg", camera)
                .send();
        assertEquals(201, kept.status(), kept.text());
        assertEquals(10.5371, kept.json().get("latitude").asDouble(), 0.001);
        assertEquals(106.5122, kept.json().get("longitude").asDouble(), 0.001);
        assertEquals(2, api.get(MANAGER, photos).json().size());

        // the phone's queue sends a photo again (a lost answer, two rounds overlapping): one copy, twice the same id
        String clientId = UUID.randomUUID().toString();
        List<Api.Reply> twice = java.util.stream.IntStream.range(0, 2)
                .parallel()
                .mapToObj(i -> api.request("POST", photos + "?clientId=" + clientId)
                        .as(MEMBER)
                        .body("image/jpeg", camera)
                        .send())
                .toList();
        assertEquals(
                List.of(200, 201),
                twice.stream().map(Api.Reply::status).sorted().toList(),
                twice.get(0).text() + twice.get(1).text());
        assertEquals(twice.get(0).json().get("id"), twice.get(1).json().get("id"));
        assertEquals(3, api.get(MANAGER, photos).json().size());
        // refused before the body is read, so a small one (a large one would be cut off mid-send)
        Api.Reply elsewhere = api.request("POST", entries + "/" + otherEntry(entries) + "/photos?clientId=" + clientId)
                .as(MEMBER)
                .body("image/jpeg", new byte[] {1, 2, 3})
                .send();
        assertProblem(elsewhere, 409, "conflict");
        assertTrue(hasViolation(
                api.request("POST", photos + "?clientId=not-a-uuid")
                        .as(MEMBER)
                        .body("image/jpeg", new byte[] {1, 2, 3})
                        .send(),
                "clientId"));

        Api.Reply text = api.request("POST", photos)
                .as(MEMBER)
                .body("image/png", "not a picture")
                .send();
        assertProblem(text, 400, "validation-failed");
        assertTrue(hasViolation(text, "photo"), text.text());
        assertEquals(
                415,
                api.request("POST", photos)
                        .as(MEMBER)
                        .body("text/plain", "x")
                        .send()
                        .status());
        assertProblem(
                // a small body: the server refuses before reading it
                api.request("POST", photos)
                        .as("duchoa.quanly")
                        .body("image/jpeg", new byte[] {1, 2, 3})
                        .send(),
                404,
                "not-found");

        // public once a batch took the entry: on its trace page
        String publicPhoto = "/diary-photos/" + r.json().get("id").asText();
        assertEquals(404, api.request("GET", publicPhoto).send().status(), "not public before a batch took it");
        Map<String, Object> batch = new HashMap<>(
                Fixtures.batchBody(Fixtures.product(api, MANAGER).get("id").asText(), z, "P" + unique()));
        batch.put("harvestDate", "2026-04-01");
        Api.Reply made = api.post(MANAGER, "/api/batches", batch);
        assertEquals(201, made.status(), made.text());
        String b = made.json().get("id").asText();
        Fixtures.issue(api, MANAGER, b, 1);
        String stampUrl = api.get(MANAGER, "/api/batches/" + b + "/stamps?size=1")
                .json()
                .at("/items/0/url")
                .asText();
        String page = api.request("GET", Fixtures.local(stampUrl)).send().text();
        assertTrue(page.contains(publicPhoto), "the trace page shows the stage's photos");
        Api.Reply anon = api.request("GET", publicPhoto).send();
        assertEquals(200, anon.status());
        assertTrue(anon.contentType().startsWith("image/jpeg"), anon.contentType());
    }

    @Test
    void shouldTurnPortraitPhotosUprightAndRefuseOversizedOrHostileUploads() throws Exception {
        String z = Fixtures.zone(api, MANAGER).get("id").asText();
        JsonNode s = season(z, "2026-06-01", "2026-09-30");
        String entries = seasonsOf(z) + "/" + s.get("id").asText() + "/events";
        String entry = api.post(MEMBER, entries, entry("INSPECTION", "2026-07-05T08:00:00+07:00"))
                .json()
                .get("id")
                .asText();
        String photos = entries + "/" + entry + "/photos";
        // a phone held upright stores the pixels sideways (2400 x 1800) with EXIF orientation 6 (turn clockwise) or
        // 8 (counter-clockwise); the red square is in the stored top-left corner
        byte[] sideways = CameraJpegs.marked(2400, 1800);
        Map<Integer, String> redCorner = Map.of(6, "top right", 8, "bottom left");
        for (int orientation : new int[] {6, 8}) {
            Api.Reply r = api.request("POST", photos)
                    .as(MEMBER)
                    .body("image/jpeg", CameraJpegs.withExif(sideways, orientation, true))
                    .send();
            assertEquals(201, r.status(), r.text());
            assertEquals(1200, r.json().get("width").asInt(), "portrait: " + r.text());
            assertEquals(1600, r.json().get("height").asInt(), "portrait: " + r.text());
            Api.Reply img =
                    api.request("GET", r.json().get("url").asText()).as(MANAGER).send();
            assertEquals(200, img.status());
            assertTrue(
                    !new String(img.raw().body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"),
                    "no orientation tag left to turn it a second time");
            java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(img.raw().body()));
            assertEquals(1200, stored.getWidth());
            assertEquals(1600, stored.getHeight());
            Map<String, int[]> corners = Map.of(
                    "top left", new int[] {40, 40},
                    "top right", new int[] {1160, 40},
                    "bottom left", new int[] {40, 1560},
                    "bottom right", new int[] {1160, 1560});
            corners.forEach((corner, xy) -> {
                java.awt.Color c = new java.awt.Color(stored.getRGB(xy[0], xy[1]));
                boolean red = c.getRed() > 180 && c.getGreen() < 80;
                assertEquals(
                        corner.equals(redCorner.get(orientation)),
                        red,
                        "orientation " + orientation + ", " + corner + ": " + c);
            });
        }

        // over the limit (12 MiB): a 413 problem the client reads, over HTTP/1.1 and the default client alike
        byte[] huge = new byte[13 * 1024 * 1024];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        for (boolean http1 : new boolean[] {true, false}) {
            Api.Request big = api.request("POST", photos).as(MEMBER).body("image/jpeg", huge);
            Api.Reply tooBig = (http1 ? big.http1() : big).exchange();
            assertProblem(tooBig, 413, "payload-too-large");
            assertTrue(tooBig.text().contains("12 MB"), tooBig.text());
        }
        // decompression bombs and things that are not images: 400 on photo, before anything is decoded
        Api.Reply bomb = api.request("POST", photos)
                .as(MEMBER)
                .body("image/png", CameraJpegs.pngClaiming(60_000, 60_000))
                .send();
        assertProblem(bomb, 400, "validation-failed");
        assertTrue(hasViolation(bomb, "photo"), bomb.text());
        Api.Reply svg = api.request("POST", photos)
                .as(MEMBER)
                .body("image/jpeg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .send();
        assertProblem(svg, 400, "validation-failed");
        assertEquals(2, api.get(MANAGER, photos).json().size(), "nothing kept of the refused uploads");

        // another cooperative sees neither the list nor a photo, and nothing is public before a batch takes it
        String one = api.get(MANAGER, photos).json().get(0).get("url").asText();
        assertProblem(api.get("duchoa.quanly", photos), 404, "not-found");
        assertEquals(404, api.request("GET", one).as("duchoa.quanly").send().status());
        String id = one.substring(one.lastIndexOf('/') + 1);
        assertEquals(404, api.request("GET", "/diary-photos/" + id).send().status());
    }

    private static List<Api.Reply> twiceAtOnce(String path, Map<String, Object> body) throws Exception {
        return twiceAtOnce(path, body, MEMBER);
    }

    /** The same request sent by two threads released together. */
    static List<Api.Reply> twiceAtOnce(String path, Map<String, Object> body, String user) throws Exception {
        String token = api.token(user);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Api.Reply>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return api.request("POST", path)
                                    .bearer(token)
                                    .json(body)
                                    .send();
                        },
                        pool));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (CompletableFuture<Api.Reply> f : sent) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }
}
