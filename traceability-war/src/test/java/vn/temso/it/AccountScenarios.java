package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, throttling, user management, platform endpoints. */
public abstract class AccountScenarios extends ApiScenarios {

    @Test
    void shouldReportReadinessWithTheDatabase() {
        Api.Reply r = api.send("GET", "/health/ready", null, null, null);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().contains("\"database\""), r.text());
        assertTrue(r.text().contains("UP"), r.text());
        // a write was proved (storage_probe), and embedded Derby's disk has room (issue 13, storage faults)
        assertTrue(r.text().contains("\"writeMillis\""), r.text());
        assertTrue(r.text().contains("\"freeMb\""), r.text());
    }

    @Test
    void shouldPublishAnOpenApiDocumentWithExamples() {
        Api.Reply r = api.send("GET", "/openapi", null, null, null);
        assertEquals(200, r.status());
        String doc = r.text();
        for (String path : List.of(
                "/api/zones",
                "/api/products",
                "/api/batches/{id}/events",
                "/api/auth/login",
                "/api/cooperatives",
                "/api/zones/{id}/geometry",
                "/api/batches/{id}/recall",
                "/api/audit")) {
            assertTrue(doc.contains(path + ":") || doc.contains("\"" + path + "\""), "OpenAPI lacks " + path);
        }
        assertTrue(doc.contains("VN-LAN-TT-0012"), "zone example present");
    }

    @Test
    void shouldSignInAndOut() {
        Api.Reply login =
                api.post(null, "/api/auth/login", Map.of("username", "TanTru.QuanLy", "password", Api.DEMO_PASSWORD));
        assertEquals(200, login.status(), login.text());
        String token = login.json().get("token").asText();
        assertEquals("COOP_MANAGER", login.json().at("/user/role").asText());
        assertFalse(login.text().contains("argon2"), "no password hash in responses");
        Api.Reply me = api.send("GET", "/api/auth/me", token, null, null);
        assertEquals("tantru.quanly", me.json().get("username").asText());
        assertEquals(
                204, api.send("POST", "/api/auth/logout", token, null, null).status());
        assertProblem(api.send("GET", "/api/auth/me", token, null, null), 401, "unauthenticated");
    }

    @Test
    void shouldGiveTheSameAnswerForUnknownUsersAndWrongPasswords() {
        Api.Reply wrong =
                api.post(null, "/api/auth/login", Map.of("username", "duchoa.quanly", "password", "nope-nope-nope"));
        Api.Reply unknown =
                api.post(null, "/api/auth/login", Map.of("username", "khong.ton.tai", "password", "nope-nope-nope"));
        assertProblem(wrong, 401, "unauthenticated");
        assertProblem(unknown, 401, "unauthenticated");
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
    }

    @Test
    void shouldThrottleRepeatedFailuresAndThenRecover() throws InterruptedException {
        String name = "it.throttle." + unique().toLowerCase();
        Api.Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = api.post(null, "/api/auth/login", Map.of("username", name, "password", "wrong-password"));
        }
        assertProblem(last, 429, "too-many-requests");
        assertNotNull(last.header("Retry-After"));
    }

    @Test
    void shouldRefuseRequestsWithoutOrWithABadToken() {
        assertProblem(api.get(null, "/api/zones"), 401, "unauthenticated");
        assertProblem(api.send("GET", "/api/zones", "forged-token", null, null), 401, "unauthenticated");
    }

    @Test
    void shouldAnswerUnknownAddressesAndMethodsWithProblems() {
        assertProblem(api.get("admin", "/api/nothing-here"), 404, "not-found");
        assertProblem(api.send("DELETE", "/api/zones", api.token("admin"), null, null), 405, "method-not-allowed");
        assertProblem(
                api.send("POST", "/api/zones", api.token("admin"), "text/csv", "a,b"), 415, "unsupported-media-type");
        assertProblem(
                api.send("POST", "/api/zones", api.token("tantru.quanly"), "application/json", "{\"code\": [}"),
                400,
                "malformed-request");
        assertProblem(
                api.send("POST", "/api/zones", api.token("tantru.quanly"), "application/json", ""),
                400,
                "malformed-request");
        assertProblem(api.get("admin", "/api/zones?page=abc"), 400, "validation-failed");
        assertProblem(api.get("admin", "/api/batches?harvestedFrom=yesterday"), 400, "validation-failed");
    }

    @Test
    void shouldLetAdminsCreateCooperativesAndUsersButNotManagers() {
        Map<String, Object> coop = Map.of(
                "name",
                "Hợp tác xã Thanh long Châu Thành " + unique(),
                "kind",
                "COOPERATIVE",
                "commune",
                "Hòa Khánh",
                "district",
                "Châu Thành",
                "province",
                "Tây Ninh");
        assertProblem(api.post("tantru.quanly", "/api/cooperatives", coop), 403, "forbidden");
        Api.Reply created = api.post("admin", "/api/cooperatives", coop);
        assertEquals(201, created.status(), created.text());
        String coopId = created.json().get("id").asText();
        String username = "it.manager." + unique().toLowerCase();
        Api.Reply user = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "Lý Văn Ơn",
                        "role",
                        "COOP_MANAGER",
                        "cooperativeId",
                        coopId,
                        "password",
                        "a-long-password-2026"));
        assertEquals(201, user.status(), user.text());
        assertFalse(user.text().contains("password"), "no password or hash returned");
        Api.Reply login =
                api.post(null, "/api/auth/login", Map.of("username", username, "password", "a-long-password-2026"));
        assertEquals(200, login.status());
        // a manager cannot make users for another cooperative, nor admins
        Api.Reply foreign = api.post(
                "tantru.quanly",
                "/api/users",
                Map.of(
                        "username",
                        "it.x." + unique().toLowerCase(),
                        "role",
                        "COOP_MEMBER",
                        "cooperativeId",
                        coopId,
                        "password",
                        "a-long-password-2026"));
        assertProblem(foreign, 404, "not-found");
        Api.Reply admin = api.post(
                "tantru.quanly",
                "/api/users",
                Map.of(
                        "username",
                        "it.y." + unique().toLowerCase(),
                        "role",
                        "ADMIN",
                        "password",
                        "a-long-password-2026"));
        assertProblem(admin, 403, "forbidden");
    }
}
