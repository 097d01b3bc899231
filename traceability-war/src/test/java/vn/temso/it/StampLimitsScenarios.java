package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issuing within a cooperative's quota (issue 12, finding 8): at most 2 issuing jobs of one cooperative at once,
 * refused beyond with 429 quota/running-jobs and Retry-After, on the issuing API and on print jobs that issue new
 * stamps. Export and void of a batch bigger than one page of rows: complete, in order, and voids seen at the next
 * scan.
 */
public abstract class StampLimitsScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String BASE = Fixtures.BASE;

    @Test
    void shouldRefuseAThirdIssuingJobOfOneCooperativeWhileTwoRun() throws Exception {
        // a cooperative of its own, so no other scenario's jobs count against it
        String suffix = unique();
        Api.Reply coop = api.post(
                "admin",
                "/api/cooperatives",
                Map.of(
                        "name",
                        "HTX Hạn Mức " + suffix,
                        "kind",
                        "COOPERATIVE",
                        "commune",
                        "Hạn Mức " + suffix,
                        "district",
                        "Tân Trụ",
                        "province",
                        "Long An"));
        assertEquals(201, coop.status(), coop.text());
        String coopId = coop.json().get("id").asText();
        String first = batchOf(coopId);
        String second = batchOf(coopId);
        String other = Fixtures.batch(api, MANAGER).get("id").asText();

        List<String> jobs = List.of(start(first, 100_000), start(second, 100_000));
        Api.Reply third = api.post("admin", "/api/batches/" + first + "/stamps", Map.of("count", 10));
        assertProblem(third, 429, "quota/running-jobs");
        assertTrue(Integer.parseInt(third.header("Retry-After")) > 0, "Retry-After: " + third.header("Retry-After"));
        Api.Reply printing =
                api.post("admin", "/api/batches/" + second + "/print-jobs", Map.of("format", "PDF", "count", 10));
        assertProblem(printing, 429, "quota/running-jobs");
        assertEquals(
                202,
                api.post(MANAGER, "/api/batches/" + other + "/stamps", Map.of("count", 1))
                        .status(),
                "another cooperative is not held back");

        // closing the batches stops their jobs at the next chunk; then the cooperative may issue again
        for (String b : List.of(first, second)) {
            assertEquals(
                    200, api.post("admin", "/api/batches/" + b + "/close", null).status());
        }
        for (String job : jobs) {
            String status = null;
            for (int i = 0; i < 600 && !"FAILED".equals(status) && !"DONE".equals(status); i++) {
                Thread.sleep(100);
                status = api.get("admin", job).json().get("status").asText();
            }
            assertNotEquals("RUNNING", status, job);
        }
        assertEquals(
                202,
                api.post("admin", "/api/batches/" + batchOf(coopId) + "/stamps", Map.of("count", 5))
                        .status());
    }

    @Test
    void shouldExportAndVoidEveryStampOfABatchLargerThanOnePage() throws Exception {
        int count = 5_001; // pages of 2,000 rows when exporting, void statements of 5,000 issue numbers
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String b = batch.get("id").asText();
        SignedUrlScenarios.issue(b, count);
        String[] lines = csv(b);
        assertEquals("seq,serial,url,status", lines[0]);
        assertEquals(count + 1, lines.length);
        Set<String> serials = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            String[] f = lines[i].split(",");
            assertEquals(String.valueOf(i), f[0], "every stamp once, in issue order: " + lines[i]);
            assertTrue(serials.add(f[1]), "serial twice: " + f[1]);
            assertTrue(f[2].startsWith(BASE + "/01/") && f[2].contains(SignedUrlScenarios.SIGNATURE), f[2]);
            assertEquals("ACTIVE", f[3]);
        }

        Api.Reply some = api.post(
                MANAGER,
                "/api/batches/" + b + "/stamps/void",
                Map.of("fromSeq", 1_999, "toSeq", 2_001, "reason", "In nhòe"));
        assertEquals(3, some.json().get("voided").asInt(), some.text());
        assertEquals("VOIDED", verdict(lines[2_000]), "a void shows at the next scan");
        assertEquals("GENUINE", verdict(lines[2_002]));
        lines = csv(b);
        for (int i = 1; i <= count; i++) {
            assertEquals(i >= 1_999 && i <= 2_001 ? "VOIDED" : "ACTIVE", lines[i].split(",")[3], lines[i]);
        }

        Api.Reply all = api.post(
                MANAGER,
                "/api/batches/" + b + "/stamps/void",
                Map.of("fromSeq", 1, "toSeq", Integer.MAX_VALUE, "reason", "Hủy cả lô"));
        assertEquals(count, all.json().get("voided").asInt(), all.text());
        lines = csv(b);
        assertEquals(count + 1, lines.length);
        for (int i = 1; i <= count; i++) {
            assertEquals("VOIDED", lines[i].split(",")[3], lines[i]);
        }
        assertEquals("VOIDED", verdict(lines[count]));
        assertEquals("VOIDED", verdict(lines[1]));
    }

    private static String[] csv(String batchId) {
        Api.Reply r = SignedUrlScenarios.any(MANAGER, "/api/batches/" + batchId + "/stamps/export");
        assertEquals(200, r.status(), r.text());
        return r.text().split("\r\n");
    }

    private static String verdict(String csvLine) {
        String url = csvLine.split(",")[2];
        Api.Reply r = api.send("GET", url.substring(BASE.length()), null, null, null);
        return r.json().get("verdict").asText();
    }

    private static String start(String batchId, int count) {
        Api.Reply r = api.post("admin", "/api/batches/" + batchId + "/stamps", Map.of("count", count));
        assertEquals(202, r.status(), r.text());
        return URI.create(r.header("Location")).getPath();
    }

    /** A zone, a product and an open batch of that cooperative, made by the administrator. */
    private static String batchOf(String coopId) {
        Map<String, Object> zone = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        zone.put("cooperativeId", coopId);
        Api.Reply z = api.post("admin", "/api/zones", zone);
        assertEquals(201, z.status(), z.text());
        Map<String, Object> product = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        product.put("cooperativeId", coopId);
        Api.Reply p = api.post("admin", "/api/products", product);
        assertEquals(201, p.status(), p.text());
        Api.Reply b = api.post(
                "admin",
                "/api/batches",
                Fixtures.batchBody(
                        p.json().get("id").asText(), z.json().get("id").asText(), "Q" + unique()));
        assertEquals(201, b.status(), b.text());
        return b.json().get("id").asText();
    }
}
