package vn.temso.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builders for registry records created through the API (never through the database). */
public final class Fixtures {

    private Fixtures() {
    }

    public static final List<List<Double>> SQUARE = List.of(List.of(106.4098, 10.8631), List.of(106.4148, 10.8631),
            List.of(106.4148, 10.8671), List.of(106.4098, 10.8671), List.of(106.4098, 10.8631));

    public static Map<String, Object> zoneBody(String code) {
        return Map.of("code", code, "name", "Vùng rau Hòa Khánh " + code, "commune", "Bình Tịnh", "crop", "Rau ăn lá",
                "declaredAreaHa", 24.5, "households", 12, "harvestsPerYear", 6,
                "certifications", List.of(Map.of("scheme", "VietGAP", "number", "VG-" + code, "validUntil", "2027-06-30")),
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(SQUARE)));
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
        return Map.of("gtin", gtin, "name", "Gạo thơm ST25 – túi 5 kg", "description", "Gạo ST25, vụ Đông Xuân",
                "category", "Gạo", "unit", "túi 5 kg", "priceVnd", 185000);
    }

    public static JsonNode product(Api api, String user) {
        Api.Reply r = api.post(user, "/api/products", productBody(gtin13()));
        if (r.status() != 201) {
            throw new AssertionError("product: " + r.status() + " " + r.text());
        }
        return r.json();
    }

    public static Map<String, Object> batchBody(String productId, String zoneId, String lot) {
        return Map.of("productId", productId, "lotCode", lot, "zoneIds", List.of(zoneId), "harvestDate", "2026-11-10",
                "quantity", 1200, "unit", "kg");
    }

    public static JsonNode batch(Api api, String user) {
        JsonNode zone = zone(api, user);
        JsonNode product = product(api, user);
        Api.Reply r = api.post(user, "/api/batches", batchBody(product.get("id").asText(), zone.get("id").asText(),
                "L" + ApiScenarios.unique()));
        if (r.status() != 201) {
            throw new AssertionError("batch: " + r.status() + " " + r.text());
        }
        return r.json();
    }
}
