package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The tenancy matrix: every registry endpoint × every role × own and other cooperative. Records belong to
 * HTX Tân Trụ Xanh (commune Bình Tịnh); canbo.binhtinh supervises Bình Tịnh, canbo.hoatan does not; the community
 * digital team member tocns.binhtinh enters records for Bình Tịnh's cooperatives, tocns.hoatan for Hòa Tân's.
 */
public abstract class TenancyScenarios extends RegistryScenarios {

    enum Access {
        FULL,
        ENTRY,
        READ_DIARY,
        READ_ONLY,
        NONE
    }

    /** What a call does: reads; writes the farm diary; enters records (zones); manages the cooperative. */
    enum Kind {
        READ,
        DIARY,
        ENTRY,
        MANAGE
    }

    static final String TEAM = "tocns.binhtinh";
    static final String OTHER_TEAM = "tocns.hoatan";

    static final Map<String, Access> ROLES = Map.of(
            "admin",
            Access.FULL,
            "tantru.quanly",
            Access.FULL,
            TEAM,
            Access.ENTRY,
            "tantru.xavien",
            Access.READ_DIARY,
            "canbo.binhtinh",
            Access.READ_ONLY,
            "canbo.hoatan",
            Access.NONE,
            OTHER_TEAM,
            Access.NONE,
            "duchoa.quanly",
            Access.NONE);

    @Test
    void shouldEnforceTheTenancyMatrixOnEveryEndpoint() {
        JsonNode zone = Fixtures.zone(api, MANAGER);
        JsonNode product = Fixtures.product(api, MANAGER);
        String z = zone.get("id").asText();
        String p = product.get("id").asText();
        String lot = "M" + unique();
        JsonNode batch =
                api.post(MANAGER, "/api/batches", Fixtures.batchBody(p, z, lot)).json();
        String b = batch.get("id").asText();
        String c = idOfCoop(MANAGER);
        JsonNode coop = api.get(MANAGER, "/api/cooperatives/" + c).json();
        Map<String, Object> coopBody = new HashMap<>();
        for (String f :
                List.of("name", "kind", "taxId", "gln", "address", "commune", "district", "province", "phone")) {
            if (coop.hasNonNull(f)) {
                coopBody.put(f, coop.get(f).asText());
            }
        }
        Map<String, Object> event =
                Map.of("type", "IRRIGATION", "occurredAt", "2026-11-01T06:00:00+07:00", "note", "Tưới rãnh");
        Map<String, Object> seasonBody = Map.of("name", "Thu Đông 2026", "startsOn", "2026-01-01");
        String seasons = "/api/zones/" + z + "/seasons";
        String season = api.post(MANAGER, seasons, seasonBody).json().get("id").asText();

        record Call(String name, Kind kind, java.util.function.Function<String, Api.Reply> call) {}
        List<Call> calls = List.of(
                new Call("GET cooperative", Kind.READ, u -> api.get(u, "/api/cooperatives/" + c)),
                new Call("PUT cooperative", Kind.MANAGE, u -> api.put(u, "/api/cooperatives/" + c, coopBody)),
                new Call("GET zone", Kind.READ, u -> api.get(u, "/api/zones/" + z)),
                new Call(
                        "PUT zone",
                        Kind.ENTRY,
                        u -> api.put(
                                u,
                                "/api/zones/" + z,
                                Fixtures.zoneBody(zone.get("code").asText()))),
                new Call(
                        "POST zone status",
                        Kind.MANAGE,
                        u -> api.post(u, "/api/zones/" + z + "/status", Map.of("status", "ACTIVE"))),
                new Call(
                        "PUT zone geometry",
                        Kind.ENTRY,
                        u -> api.send(
                                "PUT",
                                "/api/zones/" + z + "/geometry",
                                api.token(u),
                                "application/geo+json",
                                "{\"type\":\"Polygon\",\"coordinates\":[[[106.4098,10.8631],[106.4148,10.8631],[106.4148,10.8671],[106.4098,10.8631]]]}")),
                new Call("GET product", Kind.READ, u -> api.get(u, "/api/products/" + p)),
                new Call(
                        "PUT product",
                        Kind.MANAGE,
                        u -> api.put(
                                u,
                                "/api/products/" + p,
                                Fixtures.productBody(product.get("gtin").asText()))),
                new Call("GET batch", Kind.READ, u -> api.get(u, "/api/batches/" + b)),
                new Call("PUT batch", Kind.MANAGE, u -> api.put(u, "/api/batches/" + b, Fixtures.batchBody(p, z, lot))),
                new Call("GET events", Kind.READ, u -> api.get(u, "/api/batches/" + b + "/events")),
                new Call("POST event", Kind.DIARY, u -> api.post(u, "/api/batches/" + b + "/events", event)),
                new Call("GET seasons", Kind.READ, u -> api.get(u, seasons)),
                new Call("GET season", Kind.READ, u -> api.get(u, seasons + "/" + season)),
                new Call("PUT season", Kind.MANAGE, u -> api.put(u, seasons + "/" + season, seasonBody)),
                new Call(
                        "POST season",
                        Kind.MANAGE,
                        u -> api.post(
                                u,
                                "/api/zones/"
                                        + Fixtures.zone(api, MANAGER).get("id").asText() + "/seasons",
                                seasonBody)),
                new Call("GET season events", Kind.READ, u -> api.get(u, seasons + "/" + season + "/events")),
                new Call("POST season event", Kind.DIARY, u -> api.post(u, seasons + "/" + season + "/events", event)),
                new Call("POST close", Kind.MANAGE, u -> {
                    String fresh = api.post(MANAGER, "/api/batches", Fixtures.batchBody(p, z, "C" + unique()))
                            .json()
                            .get("id")
                            .asText();
                    return api.post(u, "/api/batches/" + fresh + "/close", null);
                }));

        List<Executable> checks = new ArrayList<>();
        ROLES.forEach((user, access) -> {
            for (Call call : calls) {
                Api.Reply r = call.call().apply(user);
                int expected = expected(
                        access,
                        call.kind(),
                        call.name().startsWith("POST event") || call.name().startsWith("POST season"));
                checks.add(() -> assertEquals(expected, r.status(), user + " " + call.name() + ": " + r.text()));
            }
        });
        assertAll(checks);
    }

    private static int expected(Access access, Kind kind, boolean created) {
        int ok = created ? 201 : 200;
        return switch (access) {
            case FULL -> ok;
            case ENTRY -> kind == Kind.MANAGE ? 403 : ok;
            case READ_DIARY -> kind == Kind.READ || kind == Kind.DIARY ? ok : 403;
            case READ_ONLY -> kind == Kind.READ ? ok : 403;
            case NONE -> 404;
        };
    }

    @Test
    void shouldFilterEveryListToWhatTheCallerMaySee() {
        Fixtures.batch(api, MANAGER);
        Fixtures.batch(api, "duchoa.quanly");
        Fixtures.batch(api, "cauke.quanly");
        String tantru = idOfCoop(MANAGER);
        String duchoa = idOfCoop("duchoa.quanly");
        String cauke = idOfCoop("cauke.quanly");
        Map<String, Set<String>> visible = Map.of(
                "tantru.quanly",
                Set.of(tantru),
                "tantru.xavien",
                Set.of(tantru),
                "duchoa.quanly",
                Set.of(duchoa),
                "canbo.binhtinh",
                Set.of(tantru, duchoa),
                "canbo.hoatan",
                Set.of(cauke),
                TEAM,
                Set.of(tantru),
                OTHER_TEAM,
                Set.of(cauke));
        List<Executable> checks = new ArrayList<>();
        visible.forEach((user, coops) -> {
            for (String list : List.of("/api/zones", "/api/products", "/api/batches")) {
                // every page: other scenarios add records of their own, more than one page of them
                Set<String> seen = new java.util.HashSet<>();
                allItems(user, list)
                        .forEach(i -> seen.add(i.get("cooperativeId").asText()));
                checks.add(() -> assertTrue(coops.containsAll(seen), user + " " + list + " saw " + seen));
                checks.add(() -> assertEquals(coops, seen, user + " " + list + " should see " + coops));
            }
            JsonNode cl = api.get(user, "/api/cooperatives?size=200").json().get("items");
            Set<String> seen = new java.util.HashSet<>();
            cl.forEach(i -> seen.add(i.get("id").asText()));
            checks.add(() -> assertEquals(coops, seen, user + " cooperatives"));
        });
        JsonNode all = api.get("admin", "/api/cooperatives?size=200").json();
        checks.add(() -> assertTrue(all.get("total").asInt() >= 4));
        assertAll(checks);
    }

    /** Every item of a paged list, page after page. */
    private static List<JsonNode> allItems(String user, String list) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = api.get(user, list + "?size=200&page=" + page).json();
            p.get("items").forEach(all::add);
            if (p.get("items").isEmpty() || all.size() >= p.get("total").asInt()) {
                return all;
            }
        }
    }

    @Test
    void shouldRefuseRecordsForAnotherCooperative() {
        String duchoa = idOfCoop("duchoa.quanly");
        Map<String, Object> body = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        body.put("cooperativeId", duchoa);
        assertProblem(api.post(MANAGER, "/api/zones", body), 404, "not-found");
        assertProblem(api.post("canbo.binhtinh", "/api/zones", body), 403, "forbidden");
        assertEquals(201, api.post("admin", "/api/zones", body).status());
        Supplier<Integer> noCoop = () -> api.post("admin", "/api/zones", Fixtures.zoneBody("VN-IT-" + unique()))
                .status();
        assertEquals(400, noCoop.get());
    }
}
