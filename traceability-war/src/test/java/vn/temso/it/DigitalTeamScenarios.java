package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: community digital teams (tổ công nghệ số cộng đồng) enter zones and diary entries on behalf of the
 * cooperatives of their commune, and the audit log says who entered what for whom. tocns.binhtinh serves commune
 * Bình Tịnh (HTX Tân Trụ Xanh); HTX Rau sạch Đức Hòa Hạ is in another commune. The role × endpoint matrix is in
 * {@link TenancyScenarios}.
 */
public abstract class DigitalTeamScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String TEAM = "tocns.binhtinh";
    static final String OTHER_COMMUNE_MANAGER = "duchoa.quanly";

    private static Map<String, Object> zoneFor(String cooperativeId) {
        Map<String, Object> body = new HashMap<>(Fixtures.zoneBody("VN-IT-" + unique()));
        if (cooperativeId != null) {
            body.put("cooperativeId", cooperativeId);
        }
        return body;
    }

    private static Map<String, Object> diaryEntry(String note) {
        return Map.of("type", "FERTILISING", "occurredAt", "2026-10-20T07:00:00+07:00", "note", note);
    }

    /** The audit entries a user sees for a query, every field as the API gives it. */
    private static List<JsonNode> audit(String user, String query) {
        Api.Reply r = api.get(user, "/api/audit?size=100&" + query);
        assertEquals(200, r.status(), r.text());
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    @Test
    void shouldEnterZonesAndDiaryOnBehalfOfACooperativeOfTheirCommuneAndAuditIt() {
        String tantru = idOfCoop(MANAGER);
        Api.Reply created = api.post(TEAM, "/api/zones", zoneFor(tantru));
        assertEquals(201, created.status(), created.text());
        JsonNode zone = created.json();
        String zoneId = zone.get("id").asText();
        assertEquals(tantru, zone.get("cooperativeId").asText());
        assertEquals(200, api.get(MANAGER, "/api/zones/" + zoneId).status(), "the cooperative sees the zone");

        JsonNode product = Fixtures.product(api, MANAGER);
        JsonNode batch = api.post(
                        MANAGER,
                        "/api/batches",
                        Fixtures.batchBody(product.get("id").asText(), zoneId, "T" + unique()))
                .json();
        String batchId = batch.get("id").asText();
        Api.Reply entry = api.post(TEAM, "/api/batches/" + batchId + "/events", diaryEntry("Bón phân thay bà Sáu"));
        assertEquals(201, entry.status(), entry.text());
        assertEquals(TEAM, entry.json().get("recordedBy").asText());

        // the cooperative's manager sees who entered the zone and the diary entry, and for whom
        for (String entity : List.of(zoneId, batchId)) {
            List<JsonNode> byTeam = audit(MANAGER, "entityId=" + entity).stream()
                    .filter(e -> TEAM.equals(e.get("actor").asText()))
                    .toList();
            assertEquals(1, byTeam.size(), entity + ": " + byTeam);
            JsonNode e = byTeam.get(0);
            assertEquals("DIGITAL_TEAM", e.get("actorRole").asText());
            assertEquals(tantru, e.get("onBehalfOf").asText());
            assertEquals(tantru, e.get("cooperativeId").asText());
        }
        // the manager's own change is not "on behalf of" anyone
        JsonNode own = audit(MANAGER, "entityId=" + batchId).stream()
                .filter(e -> MANAGER.equals(e.get("actor").asText()))
                .findFirst()
                .orElseThrow();
        assertEquals("COOP_MANAGER", own.get("actorRole").asText());
        assertFalse(own.hasNonNull("onBehalfOf"), own.toString());

        // the commune's staff and the team itself see the team's entries; another commune's cooperative does not
        for (String user : List.of("canbo.binhtinh", TEAM, "admin")) {
            List<JsonNode> seen = audit(user, "onBehalf=true&actor=" + TEAM + "&cooperativeId=" + tantru);
            assertTrue(
                    seen.stream().anyMatch(e -> zoneId.equals(e.get("entityId").asText())), user + ": " + seen);
            assertTrue(seen.stream()
                    .allMatch(e -> TEAM.equals(e.get("actor").asText())
                            && tantru.equals(e.get("onBehalfOf").asText())));
        }
        assertTrue(audit(OTHER_COMMUNE_MANAGER, "entityId=" + zoneId).isEmpty());
        assertTrue(audit("canbo.hoatan", "entityId=" + zoneId).isEmpty());
        assertTrue(audit("tocns.hoatan", "entityId=" + zoneId).isEmpty());
    }

    @Test
    void shouldRefuseTheTeamOutsideItsCommune() {
        String duchoa = idOfCoop(OTHER_COMMUNE_MANAGER);
        assertProblem(api.post(TEAM, "/api/zones", zoneFor(duchoa)), 404, "not-found");
        assertProblem(api.post("tocns.hoatan", "/api/zones", zoneFor(idOfCoop(MANAGER))), 404, "not-found");
        Api.Reply unnamed = api.post(TEAM, "/api/zones", zoneFor(null));
        assertProblem(unnamed, 400, "validation-failed");
        assertTrue(hasViolation(unnamed, "cooperativeId"), unnamed.text());

        JsonNode other = Fixtures.batch(api, OTHER_COMMUNE_MANAGER);
        String otherZone = other.get("zones").get(0).get("id").asText();
        assertProblem(
                api.post(TEAM, "/api/batches/" + other.get("id").asText() + "/events", diaryEntry("x")),
                404,
                "not-found");
        assertProblem(api.put(TEAM, "/api/zones/" + otherZone, Fixtures.zoneBody("VN-IT-X")), 404, "not-found");
        assertProblem(api.get(TEAM, "/api/cooperatives/" + duchoa), 404, "not-found");
    }

    @Test
    void shouldImportZonesOnBehalfOfACooperativeOfTheirCommuneOnly() {
        String tantru = idOfCoop(MANAGER);
        String code = "VN-TEAM-" + unique();
        byte[] csv = ("Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + code + ",Vùng của bà Sáu,Lúa,2,5\n")
                .replace(",2,5", ",\"2,5\"")
                .getBytes(StandardCharsets.UTF_8);
        Api.Reply unnamed = ImportScenarios.upload(TEAM, "/api/imports/zones", "z.csv", csv);
        assertProblem(unnamed, 400, "validation-failed");
        assertProblem(
                ImportScenarios.upload(
                        TEAM, "/api/imports/zones?cooperativeId=" + idOfCoop(OTHER_COMMUNE_MANAGER), "z.csv", csv),
                404,
                "not-found");
        Api.Reply imported = ImportScenarios.upload(TEAM, "/api/imports/zones?cooperativeId=" + tantru, "z.csv", csv);
        assertEquals(200, imported.status(), imported.text());
        assertEquals(1, imported.json().get("created").asInt(), imported.text());
        JsonNode zone =
                api.get(MANAGER, "/api/zones?q=" + code).json().get("items").get(0);
        assertEquals(tantru, zone.get("cooperativeId").asText());
        assertTrue(
                audit(MANAGER, "onBehalf=true&actor=" + TEAM + "&cooperativeId=" + tantru).stream()
                        .anyMatch(e -> zone.get("id")
                                .asText()
                                .equals(e.path("entityId").asText())),
                "the import is audited as entered for the cooperative");
        assertTrue(
                audit(MANAGER, "onBehalf=true&actor=" + TEAM + "&cooperativeId=" + tantru).stream()
                        .anyMatch(e -> "import".equals(e.path("action").asText())
                                && "zones".equals(e.path("entityType").asText())
                                && e.path("summary").asText().contains("1 created")),
                "the import itself is audited once, with its counts");
    }

    @Test
    void shouldRefuseTheTeamWhatOnlyManagersAndAdminsDo() {
        String tantru = idOfCoop(MANAGER);
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String b = batch.get("id").asText();
        String p = batch.get("productId").asText();
        Map<String, Object> product = new HashMap<>(Fixtures.productBody(Fixtures.gtin13()));
        product.put("cooperativeId", tantru);
        Map<String, Object> member = Map.of(
                "username",
                "tantru.moi" + unique().toLowerCase(),
                "role",
                "COOP_MEMBER",
                "cooperativeId",
                tantru,
                "password",
                "mat-khau-dai-2026");
        Map<String, Api.Reply> refused = new java.util.LinkedHashMap<>();
        refused.put("issue stamps", api.post(TEAM, "/api/batches/" + b + "/stamps", Map.of("count", 1)));
        refused.put("recall", api.post(TEAM, "/api/batches/" + b + "/recall", Map.of("reason", "Thử thu hồi")));
        refused.put("close batch", api.post(TEAM, "/api/batches/" + b + "/close", null));
        refused.put("rotate keys", api.post(TEAM, "/api/keys/rotate", null));
        refused.put("list on a marketplace", api.put(TEAM, "/api/listings/" + p + "/google-xml", Map.of()));
        refused.put("create user", api.post(TEAM, "/api/users", member));
        refused.put("list users", api.get(TEAM, "/api/users"));
        refused.put("create product", api.post(TEAM, "/api/products", product));
        refused.put(
                "create batch",
                api.post(
                        TEAM,
                        "/api/batches",
                        Fixtures.batchBody(
                                p, batch.get("zones").get(0).get("id").asText(), "Z" + unique())));
        refused.forEach((what, r) -> assertProblem(r, 403, "forbidden"));
        assertEquals(
                "OPEN",
                api.get(MANAGER, "/api/batches/" + b).json().get("status").asText());
        assertEquals(
                0,
                api.get(MANAGER, "/api/batches/" + b + "/stamps")
                        .json()
                        .get("total")
                        .asInt());
    }

    @Test
    void shouldLetAdminsCreateDigitalTeamMembersForTheirCommunes() {
        String username = "tocns.moi" + unique().toLowerCase();
        String password = "mat-khau-dai-2026";
        Map<String, Object> user = new HashMap<>(Map.of(
                "username",
                username,
                "displayName",
                "Tổ công nghệ số Bình Tịnh",
                "role",
                "DIGITAL_TEAM",
                "password",
                password));
        assertProblem(api.post("admin", "/api/users", user), 400, "validation-failed");
        user.put("communes", List.of("Bình Tịnh"));
        assertProblem(api.post(MANAGER, "/api/users", user), 403, "forbidden");
        assertProblem(api.post("canbo.binhtinh", "/api/users", user), 403, "forbidden");
        Api.Reply created = api.post("admin", "/api/users", user);
        assertEquals(201, created.status(), created.text());
        assertEquals("DIGITAL_TEAM", created.json().get("role").asText());
        assertEquals("[\"bình tịnh\"]", created.json().get("communes").toString());
        assertFalse(created.json().hasNonNull("cooperativeId"));

        Api.Reply login = api.login(username, password);
        assertEquals(200, login.status(), login.text());
        String token = login.json().get("token").asText();
        Api.Reply zone =
                api.send("POST", "/api/zones", token, "application/json", Api.asJson(zoneFor(idOfCoop(MANAGER))));
        assertEquals(201, zone.status(), zone.text());
    }

    @Test
    void shouldShowTheTeamTheFormsItMayUseInTheWebUi() {
        String tantru = idOfCoop(MANAGER);
        String duchoa = idOfCoop(OTHER_COMMUNE_MANAGER);
        WebSession web = WebSession.signIn(api, TEAM);
        String newZone = web.get("/app/zone.xhtml").text();
        assertTrue(newZone.contains("id=\"zone:cooperativeId\""), "the team names the cooperative: " + newZone);
        assertTrue(newZone.contains("value=\"" + tantru + "\""), "a cooperative of its commune is offered");
        assertFalse(newZone.contains(duchoa), "another commune's cooperative is not offered");
        assertFalse(newZone.contains("???"), "every label has a message");
        String zones = web.get("/app/zones.xhtml").text();
        assertTrue(zones.contains("id=\"new-zone\""), "the team may register zones");
        String b = Fixtures.batch(api, MANAGER).get("id").asText();
        String batchPage = web.get("/app/batch.xhtml?id=" + b).text();
        assertTrue(batchPage.contains("id=\"event\""), "the team may write the diary");
        String staffZone =
                WebSession.signIn(api, "canbo.binhtinh").get("/app/zone.xhtml").text();
        assertFalse(staffZone.contains("id=\"zone:cooperativeId\""), "commune staff only read");
    }
}
