package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verdict;
import vn.temso.stamp.key.Jwks;
import vn.temso.testsupport.QrDecoding;

/** Issue → scan → verdict, void, recall, clone rule, report form, JSON, linkset, JWKS for third parties. */
public abstract class StampScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";

    static final String BASE = Fixtures.BASE;

    /** Issues stamps for a fresh batch and waits for the job; returns the batch. */
    protected JsonNode issued(int count) throws InterruptedException {
        return Fixtures.issuedBatch(api, MANAGER, count);
    }

    private static String json(JsonNode node, String pointer) {
        return node.at(pointer).asText();
    }

    protected static String local(String stampUrl) {
        return Fixtures.local(stampUrl);
    }

    protected JsonNode stamps(JsonNode batch) {
        return api.get(MANAGER, "/api/batches/" + batch.get("id").asText() + "/stamps?size=200")
                .json();
    }

    protected Api.Reply page(String path, String accept) {
        return api.send("GET", path, null, null, null).status() == 0 ? null : sendAccept(path, accept);
    }

    private Api.Reply sendAccept(String path, String accept) {
        return api.request("GET", path)
                .accept(accept)
                .header("Accept-Language", "vi-VN,vi;q=0.9")
                .send();
    }

    /** A JSON scan from another network, through the IT's trusted proxy (temso.http.trusted-proxies). */
    private Api.Reply sendFrom(String path, String forwardedFor) {
        return api.request("GET", path)
                .accept("application/json")
                .from(forwardedFor)
                .send();
    }

    @Test
    void shouldIssueStampsThatScanAsGenuineOnAPhoneSizedPage() throws Exception {
        JsonNode batch = issued(30);
        JsonNode list = stamps(batch);
        assertEquals(30, list.get("total").asInt());
        String url = list.at("/items/0/url").asText();
        Api.Reply html = sendAccept(local(url), "text/html,application/xhtml+xml");
        assertEquals(200, html.status());
        String body = html.text();
        assertTrue(body.contains("Tem chính hãng"), body);
        assertTrue(body.contains("Hợp tác xã Nông nghiệp Tân Trụ Xanh"), "producer");
        assertTrue(body.contains("Gạo thơm ST25"), "product");
        assertTrue(body.contains("<svg"), "zone outline");
        String ld =
                body.substring(body.indexOf("<script type=\"application/ld+json\">") + 35, body.indexOf("</script>"));
        JsonNode product = Api.JSON.readTree(ld);
        assertEquals("Product", product.get("@type").asText(), ld);
        assertTrue(ld.contains(json(batch, "/gtin")), "schema.org Product carries the GTIN: " + ld);
        assertTrue(
                html.raw().body().length < 30 * 1024,
                "under 30 KB: " + html.raw().body().length);
        assertFalse(body.contains("src=\"http") || body.contains("href=\"http"), "no outside requests");
        assertTrue(sendAccept(local(url) + "&lang=en", "text/html").text().contains("Genuine stamp"));

        JsonNode json = sendAccept(local(url), "application/json").json();
        assertEquals("GENUINE", json.get("verdict").asText());
        assertEquals(list.at("/items/0/serial").asText(), json.get("serial").asText());
        Api.Reply linkset = sendAccept(local(url) + "&linkType=linkset", "*/*");
        assertTrue(linkset.contentType().startsWith("application/linkset+json"));
        assertTrue(linkset.json().at("/linkset/0/anchor").asText().startsWith(BASE + "/01/"));
        assertTrue(linkset.json().at("/linkset/0").has("https://gs1.org/voc/pip"));
    }

    @Test
    void shouldIssueAJobOfSeveralChunksNumberedWithoutGapsEveryStampUniqueAndGenuine() throws Exception {
        // 6,001 stamps: two full chunks of 2,500 and a part, signed ahead on the executor while the previous is written
        int count = 6_001;
        JsonNode batch = issued(count);
        String[] lines = export("/api/batches/" + batch.get("id").asText() + "/stamps/export");
        assertEquals("seq,serial,url,status", lines[0]);
        assertEquals(count + 1, lines.length);
        StampVerifier verifier = new StampVerifier(Jwks.parse(
                api.send("GET", "/.well-known/jwks.json", null, null, null).text()));
        java.util.Set<String> serials = new java.util.HashSet<>();
        for (int i = 1; i <= count; i++) {
            String[] f = lines[i].split(",");
            assertEquals(String.valueOf(i), f[0], "issue numbers run 1.." + count + " in order: " + lines[i]);
            assertTrue(serials.add(f[1]), "serial issued twice: " + f[1]);
            assertTrue(f[2].endsWith("/21/" + f[1] + f[2].substring(f[2].indexOf('?'))), f[2]);
            assertEquals(Verdict.GENUINE, verifier.verify(f[2]).verdict(), f[2]);
            assertEquals("ACTIVE", f[3]);
        }
    }

    @Test
    void shouldNumberTheStampsOfConcurrentJobsOnOneBatchWithoutGapsOrTwins() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String stampsPath = "/api/batches/" + batch.get("id").asText() + "/stamps";
        java.util.List<String> jobs = new java.util.ArrayList<>();
        for (int count : new int[] {4_000, 3_001}) { // both run at once, chunk after chunk
            Api.Reply r = api.post(MANAGER, stampsPath, Map.of("count", count));
            assertEquals(202, r.status(), r.text());
            jobs.add(URI.create(r.header("Location")).getPath());
        }
        for (String job : jobs) {
            for (int i = 0;
                    i < 300
                            && "RUNNING"
                                    .equals(api.get(MANAGER, job)
                                            .json()
                                            .get("status")
                                            .asText());
                    i++) {
                Thread.sleep(100);
            }
            assertEquals("DONE", api.get(MANAGER, job).json().get("status").asText());
        }
        String[] lines = export(stampsPath + "/export");
        assertEquals(7_001 + 1, lines.length);
        java.util.Set<String> serials = new java.util.HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertEquals(String.valueOf(i), f[0], "issue numbers run 1..7001, each once: " + lines[i]);
            assertTrue(serials.add(f[1]), "serial issued twice: " + f[1]);
        }
    }

    @Test
    void shouldSignWithTheNewKeyFromTheFirstChunkAfterARotationInTheMiddleOfAJob() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String stampsPath = "/api/batches/" + batch.get("id").asText() + "/stamps";
        Api.Reply r = api.post(MANAGER, stampsPath, Map.of("count", 40_000));
        assertEquals(202, r.status(), r.text());
        String job = URI.create(r.header("Location")).getPath();
        JsonNode j = api.get(MANAGER, job).json();
        for (int i = 0;
                i < 1000
                        && j.get("issued").asInt() < 2_500
                        && "RUNNING".equals(j.get("status").asText());
                i++) {
            Thread.sleep(10);
            j = api.get(MANAGER, job).json();
        }
        String newKid =
                api.post("admin", "/api/keys/rotate", null).json().get("kid").asText();
        JsonNode atRotation = api.get(MANAGER, job).json();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "RUNNING".equals(atRotation.get("status").asText()),
                "the job ended before the rotation: nothing to check on this machine");
        for (int i = 0;
                i < 600
                        && "RUNNING"
                                .equals(api.get(MANAGER, job)
                                        .json()
                                        .get("status")
                                        .asText());
                i++) {
            Thread.sleep(100);
        }
        assertEquals("DONE", api.get(MANAGER, job).json().get("status").asText());
        // a chunk may have been in its transaction when the rotation committed; every later one uses the new key
        int lastOldKeyAllowed = atRotation.get("issued").asInt() + 2_500;
        StampVerifier verifier = new StampVerifier(Jwks.parse(
                api.send("GET", "/.well-known/jwks.json", null, null, null).text()));
        String[] lines = export(stampsPath + "/export");
        assertEquals(40_001, lines.length);
        int newKeyStamps = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            var v = verifier.verify(f[2]);
            assertEquals(Verdict.GENUINE, v.verdict(), f[2]);
            if (Integer.parseInt(f[0]) > lastOldKeyAllowed) {
                assertEquals(newKid, v.stamp().kid(), "stamp " + f[0] + " was written after the rotation");
            }
            newKeyStamps += newKid.equals(v.stamp().kid()) ? 1 : 0;
        }
        assertTrue(newKeyStamps >= 40_000 - lastOldKeyAllowed, "stamps signed with the new key: " + newKeyStamps);
    }

    private String[] export(String path) throws Exception {
        Api.Reply export =
                api.request("GET", path).as(MANAGER).accept("text/csv").send();
        assertEquals(200, export.status(), export.text());
        return export.text().split("\r\n");
    }

    @Test
    void shouldShowNoProductDataForForgedOrUnknownStamps() throws Exception {
        JsonNode batch = issued(2);
        String url = stamps(batch).at("/items/0/url").asText();
        String path = local(url);
        // change one character of the serial, and one of the signature
        int serialAt = path.indexOf("/21/") + 4;
        String otherSerial =
                path.substring(0, serialAt) + (path.charAt(serialAt) == 'A' ? 'B' : 'A') + path.substring(serialAt + 1);
        String sigTampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
        for (String forged : new String[] {otherSerial, sigTampered}) {
            Api.Reply r = sendAccept(forged, "text/html");
            assertTrue(r.text().contains("Tem không chính hãng"), r.text());
            assertFalse(r.text().contains("Tân Trụ Xanh"), "a forged URL never shows product data");
            assertEquals(
                    "NOT_GENUINE",
                    sendAccept(forged, "application/json").json().get("verdict").asText());
        }
        String lotPage = path.substring(0, path.indexOf("/21/"));
        Api.Reply lot = sendAccept(lotPage, "text/html");
        assertTrue(lot.text().contains("không xác thực được từng gói"), lot.text());
        assertEquals(
                404,
                // a GTIN nobody registered: an unknown lot of a registered one walks up to its product (issue 19)
                sendAccept("/01/04000000000013/10/NO-SUCH-LOT", "text/html").status());
    }

    @Test
    void shouldShowVoidsRecallsAndClonesAtTheNextScan() throws Exception {
        JsonNode batch = issued(5);
        String id = batch.get("id").asText();
        JsonNode list = stamps(batch);
        Api.Reply v = api.post(
                MANAGER, "/api/batches/" + id + "/stamps/void", Map.of("fromSeq", 1, "toSeq", 1, "reason", "In lỗi"));
        assertEquals(1, v.json().get("voided").asInt(), v.text());
        assertEquals(
                "VOIDED",
                sendAccept(local(list.at("/items/0/url").asText()), "application/json")
                        .json()
                        .get("verdict")
                        .asText());

        String second = local(list.at("/items/1/url").asText());
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    "GENUINE",
                    sendAccept(second, "application/json").json().get("verdict").asText());
        }
        Api.Reply sixth = sendAccept(second, "text/html");
        assertTrue(sixth.text().contains("đã được quét 6 lần"), sixth.text());
        // scans are counted in memory and written in the background: the stored counters follow within a second
        JsonNode stored = null;
        for (int i = 0; i < 50; i++) {
            stored = stamps(batch).at("/items/1");
            if (stored.get("scanCount").asInt() == 6) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(6, stored.get("scanCount").asInt(), stored.toString());
        assertFalse(stored.get("firstScanAt").isNull(), stored.toString());
        assertFalse(stored.get("lastScanAt").isNull(), stored.toString());
        // six scans from one network are one buyer, not a copy (issue 12): copies are scanned from other networks,
        // here through the IT's trusted proxy; the IT flags more than 3 networks (CloneRuleScenarios has the rest)
        assertFalse(api.get(MANAGER, "/api/stamps/suspicious?size=200")
                .json()
                .toString()
                .contains(list.at("/items/1/serial").asText()));
        for (String network : new String[] {"198.51.100.1", "192.0.2.1"}) {
            assertEquals(
                    "GENUINE", sendFrom(second, network).json().get("verdict").asText());
        }
        JsonNode copy = sendFrom(second, "203.0.113.1").json();
        assertEquals("SUSPICIOUS", copy.get("verdict").asText(), copy.toString());
        assertEquals("MANY_NETWORKS", copy.get("reason").asText());
        JsonNode suspicious =
                api.get(MANAGER, "/api/stamps/suspicious?size=200").json();
        assertTrue(suspicious.toString().contains(list.at("/items/1/serial").asText()));
        assertTrue(suspicious.toString().contains(list.at("/items/0/serial").asText()), "a voided stamp scanned");
        assertEquals(
                0,
                api
                        .get("duchoa.quanly", "/api/stamps/suspicious?size=200")
                        .json()
                        .get("items")
                        .findValues("batchId")
                        .stream()
                        .filter(b -> b.asText().equals(id))
                        .count(),
                "other cooperatives do not see it");

        api.post(MANAGER, "/api/batches/" + id + "/recall", Map.of("reason", "Phát hiện dư lượng vượt ngưỡng"));
        Api.Reply recalled = sendAccept(local(list.at("/items/2/url").asText()), "text/html");
        assertTrue(recalled.text().contains("Lô hàng đã bị thu hồi"));
        assertTrue(recalled.text().contains("Phát hiện dư lượng vượt ngưỡng"));
        assertProblem(
                api.post(MANAGER, "/api/batches/" + id + "/stamps", Map.of("count", 1)), 422, "rule/batch-not-open");
    }

    @Test
    void shouldShowEditsOfProductZoneAndDiaryAtTheNextScan() throws Exception {
        // the batch part of trace pages is cached: every edit must still show at the next scan
        JsonNode batch = issued(1);
        String id = batch.get("id").asText();
        String page = local(stamps(batch).at("/items/0/url").asText());
        assertTrue(sendAccept(page, "text/html").text().contains("Gạo thơm ST25"));

        Map<String, Object> product =
                new java.util.HashMap<>(Fixtures.productBody(batch.get("gtin").asText()));
        product.put("name", "Gạo ST25 Tân Trụ – túi 2 kg");
        assertEquals(
                200,
                api.put(MANAGER, "/api/products/" + batch.get("productId").asText(), product)
                        .status());
        assertTrue(sendAccept(page, "text/html").text().contains("Gạo ST25 Tân Trụ – túi 2 kg"), "renamed product");

        String zoneCode = batch.at("/zones/0/code").asText();
        Map<String, Object> zone = new java.util.HashMap<>(Fixtures.zoneBody(zoneCode));
        zone.put(
                "certifications",
                java.util.List.of(
                        Map.of("scheme", "GlobalG.A.P.", "number", "GG-4063061", "validUntil", "2028-01-31")));
        Api.Reply z = api.put(MANAGER, "/api/zones/" + batch.at("/zones/0/id").asText(), zone);
        assertEquals(200, z.status(), z.text());
        String afterZone = sendAccept(page, "text/html").text();
        assertTrue(afterZone.contains("GlobalG.A.P. GG-4063061") && !afterZone.contains("VG-" + zoneCode), afterZone);

        Api.Reply event = api.post(
                MANAGER,
                "/api/batches/" + id + "/events",
                Map.of(
                        "type",
                        "PACKING",
                        "occurredAt",
                        "2026-11-12T08:00:00+07:00",
                        "note",
                        "Đóng gói tại kho Nhựt Ninh"));
        assertEquals(201, event.status(), event.text());
        assertTrue(sendAccept(page, "text/html").text().contains("Đóng gói tại kho Nhựt Ninh"), "new diary entry");
    }

    @Test
    void shouldTakeBuyerReportsFromAPlainForm() throws Exception {
        JsonNode batch = issued(1);
        String url = stamps(batch).at("/items/0/url").asText();
        String form =
                "stamp=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&kind=SUSPECTED_FAKE&rating=1&message="
                        + URLEncoder.encode("Tem bị bóc <b>lại</b>", StandardCharsets.UTF_8);
        Api.Reply posted = api.send("POST", "/report", null, "application/x-www-form-urlencoded", form);
        assertEquals(303, posted.status(), posted.text());
        assertTrue(posted.header("Location").contains("reported=1"));
        JsonNode reports = api.get(MANAGER, "/api/reports").json();
        assertTrue(reports.toString().contains("Tem bị bóc <b>lại</b>"), "stored as typed, escaped when shown");
        assertEquals(
                0,
                api.get("duchoa.quanly", "/api/reports?size=200")
                                .json()
                                .toString()
                                .contains("bóc")
                        ? 1
                        : 0);
        assertTrue(api.get("canbo.binhtinh", "/api/reports?size=200")
                .json()
                .toString()
                .contains("bóc"));
    }

    @Test
    void shouldLetAThirdPartyVerifyWithOnlyThePublishedJwks() throws Exception {
        Api.Reply jwks = api.send("GET", "/.well-known/jwks.json", null, null, null);
        assertEquals(200, jwks.status());
        assertTrue(jwks.header("Cache-Control").contains("max-age"));
        assertTrue(jwks.text().contains("\"OKP\"") && jwks.text().contains("Ed25519"));
        JsonNode batch = issued(1);
        String url = stamps(batch).at("/items/0/url").asText();
        StampVerifier thirdParty = new StampVerifier(Jwks.parse(jwks.text()));
        assertEquals(Verdict.GENUINE, thirdParty.verify(url).verdict());
        assertEquals(
                Verdict.BAD_SIGNATURE,
                thirdParty.verify(url.replace("/10/", "/10/X")).verdict().equals(Verdict.MALFORMED)
                        ? Verdict.BAD_SIGNATURE
                        : thirdParty.verify(url.replace("/10/", "/10/X")).verdict());

        // rotation keeps old stamps genuine; revocation turns them "not genuine — key revoked"
        // the key that signed this stamp, which is the active (newest) one
        String oldKid = thirdParty.verify(url).stamp().kid();
        assertEquals(api.get("admin", "/api/keys").json().at("/0/kid").asText(), oldKid, "signed with the active key");
        assertProblem(api.post(MANAGER, "/api/keys/rotate", null), 403, "forbidden");
        String newKid =
                api.post("admin", "/api/keys/rotate", null).json().get("kid").asText();
        assertFalse(newKid.equals(oldKid));
        assertEquals(
                "GENUINE",
                sendAccept(local(url), "application/json").json().get("verdict").asText());
        api.post("admin", "/api/keys/" + oldKid + "/revoke", null);
        JsonNode revoked = sendAccept(local(url), "application/json").json();
        assertEquals("NOT_GENUINE", revoked.get("verdict").asText());
        assertEquals("KEY_REVOKED", revoked.get("reason").asText());
        String after =
                api.send("GET", "/.well-known/jwks.json", null, null, null).text();
        assertEquals(
                Verdict.KEY_REVOKED,
                new StampVerifier(Jwks.parse(after)).verify(url).verdict());
        JsonNode fresh = issued(1);
        assertEquals(
                "GENUINE",
                sendAccept(local(stamps(fresh).at("/items/0/url").asText()), "application/json")
                        .json()
                        .get("verdict")
                        .asText());
    }

    @Test
    void shouldServeEachStampAsAQrImageThatDecodesToItsUrl() throws Exception {
        JsonNode batch = issued(1);
        String url = stamps(batch).at("/items/0/url").asText();
        Api.Reply png = png(batch.get("id").asText() + "/stamps/1/qr.png", MANAGER);
        assertEquals(200, png.raw().statusCode());
        assertEquals(200, png.status(), png.text());
        assertEquals("Q", png.header("X-QR-Error-Correction"));
        assertTrue(Integer.parseInt(png.header("X-QR-Version")) <= 11, png.header("X-QR-Version"));
        String decoded = QrDecoding.decodeImage(png.raw().body());
        assertEquals(url, decoded);
        assertProblem(png(batch.get("id").asText() + "/stamps/1/qr.png?ec=Z", MANAGER), 400, "validation-failed");
        assertEquals(
                404,
                png(batch.get("id").asText() + "/stamps/1/qr.png", "duchoa.quanly")
                        .status(),
                "other cooperative");
    }

    private Api.Reply png(String batchPath, String user) {
        return api.request("GET", "/api/batches/" + batchPath)
                .as(user)
                .accept("image/png")
                .send();
    }
}
