package vn.temso.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builders for registry records created through the API (never through the database). */
public final class Fixtures {

    private Fixtures() {}

    public static final List<List<Double>> SQUARE = List.of(
            List.of(106.4098, 10.8631),
            List.of(106.4148, 10.8631),
            List.of(106.4148, 10.8671),
            List.of(106.4098, 10.8671),
            List.of(106.4098, 10.8631));

    public static Map<String, Object> zoneBody(String code) {
        return Map.of(
                "code",
                code,
                "name",
                "Vùng rau Hòa Khánh " + code,
                "commune",
                "Bình Tịnh",
                "crop",
                "Rau ăn lá",
                "declaredAreaHa",
                24.5,
                "households",
                12,
                "harvestsPerYear",
                6,
                "certifications",
                List.of(Map.of("scheme", "VietGAP", "number", "VG-" + code, "validUntil", "2027-06-30")),
                "geometry",
                Map.of("type", "Polygon", "coordinates", List.of(SQUARE)));
    }

    public static JsonNode zone(Api api, String user) {
        Api.Reply r = api.post(user, "/api/zones", zoneBody("VN-IT-" + ApiScenarios.unique()));
        if (r.status() != 201) {
            throw new AssertionError("zone: " + r.status() + " " + r.text());
        }
        return r.json();
    }

    /** A random valid GTIN-13 with Vietnam's prefix 893. */
    public static String gtin13() {
        StringBuilder s = new StringBuilder("893");
        for (int i = 0; i < 9; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return vn.temso.gs1.Gtin.withCheckDigit(s.toString());
    }

    public static Map<String, Object> productBody(String gtin) {
        return Map.of(
                "gtin",
                gtin,
                "name",
                "Gạo thơm ST25 – túi 5 kg",
                "description",
                "Gạo ST25, vụ Đông Xuân",
                "category",
                "Gạo",
                "unit",
                "túi 5 kg",
                "priceVnd",
                185000);
    }

    public static JsonNode product(Api api, String user) {
        return product(api, user, productBody(gtin13()));
    }

    public static JsonNode product(Api api, String user, Map<String, Object> body) {
        Api.Reply r = api.post(user, "/api/products", body);
        if (r.status() != 201) {
            throw new AssertionError("product: " + r.status() + " " + r.text());
        }
        return r.json();
    }

    public static Map<String, Object> batchBody(String productId, String zoneId, String lot) {
        return Map.of(
                "productId",
                productId,
                "lotCode",
                lot,
                "zoneIds",
                List.of(zoneId),
                "harvestDate",
                "2026-11-10",
                "quantity",
                1200,
                "unit",
                "kg");
    }

    public static JsonNode batch(Api api, String user) {
        JsonNode zone = zone(api, user);
        JsonNode product = product(api, user);
        Api.Reply r = api.post(
                user,
                "/api/batches",
                batchBody(product.get("id").asText(), zone.get("id").asText(), "L" + ApiScenarios.unique()));
        if (r.status() != 201) {
            throw new AssertionError("batch: " + r.status() + " " + r.text());
        }
        return r.json();
    }

    /** The public base URL the IT server signs stamp URLs with (temso.public-base-url). */
    public static final String BASE = "https://tem.temso.test";

    /** A stamp URL as the path to ask the IT server for. */
    public static String local(String stampUrl) {
        if (!stampUrl.startsWith(BASE + "/01/")) {
            throw new AssertionError("not a stamp URL of this server: " + stampUrl);
        }
        return stampUrl.substring(BASE.length());
    }

    /** Issues {@code count} stamps of a batch and waits until the job is done; returns the finished job. */
    public static JsonNode issue(Api api, String user, String batchId, int count) {
        Api.Reply r = api.post(user, "/api/batches/" + batchId + "/stamps", Map.of("count", count));
        if (r.status() != 202) {
            throw new AssertionError("issue: " + r.status() + " " + r.text());
        }
        String job = URI.create(r.header("Location")).getPath();
        for (int i = 0; i < 600; i++) {
            JsonNode j = api.get(user, job).json();
            String status = j.get("status").asText();
            if (!"RUNNING".equals(status)) {
                if (!"DONE".equals(status)
                        || j.get("issued").asInt() != count
                        || j.get("percent").asInt() != 100) {
                    throw new AssertionError("issuing job " + job + " ended as " + j);
                }
                return j;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("issuing job " + job + " did not finish");
    }

    /**
     * Makes a stamp a suspected copy: scanned from four networks (through the IT's trusted proxy), one more than the
     * IT's clone rule allows ({@code temso.clone.max-networks=3}). Returns the verdict of the last scan.
     */
    public static JsonNode scannedAsCopy(Api api, String stampUrl) {
        JsonNode last = null;
        for (String network : List.of("198.51.100.30", "192.0.2.30", "2001:db8:bb::30", "100.64.30.30")) {
            last = api.request("GET", local(stampUrl))
                    .accept("application/json")
                    .from(network)
                    .send()
                    .json();
        }
        if (!"SUSPICIOUS".equals(last.get("verdict").asText())) {
            throw new AssertionError("not flagged as a copy: " + last);
        }
        return last;
    }

    /** A fresh batch (own zone and product) of {@code user}'s cooperative with {@code count} stamps issued. */
    public static JsonNode issuedBatch(Api api, String user, int count) {
        JsonNode batch = batch(api, user);
        issue(api, user, batch.get("id").asText(), count);
        return batch;
    }
}
