package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 17: admins and managers change roles within what they may grant, reset passwords (a one-time temporary
 * password that must be changed at sign-in), all audited; lists page with a count. Every account and record here is
 * made in a cooperative of this scenario's own; the demo users are only read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UserAdminScenarios extends ApiScenarios {

    static final String PASSWORD = "mat-khau-thu-nghiem-17";

    private String coopId;
    private String manager;
    private Browser browser;

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** This scenario's cooperative and its manager, made once. */
    private synchronized String manager() {
        if (manager == null) {
            Api.Reply coop = api.post(
                    "admin",
                    "/api/cooperatives",
                    Map.of(
                            "name",
                            "HTX Thử nghiệm người dùng " + unique(),
                            "kind",
                            "COOPERATIVE",
                            "commune",
                            "Nhựt Ninh",
                            "district",
                            "Tân Trụ",
                            "province",
                            "Tây Ninh"));
            assertEquals(201, coop.status(), coop.text());
            coopId = coop.json().get("id").asText();
            manager = user("admin", "COOP_MANAGER", coopId).get("username").asText();
        }
        return manager;
    }

    /** A new user made by {@code by} (signed in with the shared password), as the API shows it. */
    private JsonNode user(String by, String role, String cooperativeId) {
        String username = "it.u17." + unique().toLowerCase();
        Map<String, Object> body = cooperativeId == null
                ? Map.of("username", username, "role", role, "communes", List.of("Nhựt Ninh"), "password", PASSWORD)
                : Map.of("username", username, "role", role, "cooperativeId", cooperativeId, "password", PASSWORD);
        Api.Reply r = api.send("POST", "/api/users", tokenOf(by), "application/json", Api.asJson(body));
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    /** A bearer token: demo users through the shared sessions, this scenario's users signed in with PASSWORD. */
    private String tokenOf(String username) {
        if (!username.startsWith("it.u17.")) {
            return api.token(username);
        }
        Api.Reply r = api.login(username, PASSWORD);
        assertEquals(200, r.status(), r.text());
        return r.json().get("token").asText();
    }

    private static Api.Reply role(String token, String userId, String role) {
        return api.send(
                "POST", "/api/users/" + userId + "/role", token, "application/json", Api.asJson(Map.of("role", role)));
    }

    private static void assertReason(Api.Reply r, int status, String type, String reason) {
        assertProblem(r, status, type);
        assertEquals(reason, r.json().path("reason").asText(), r.text());
    }

    private static String idOf(String username) {
        return StreamSupport.stream(api.get("admin", "/api/users").json().spliterator(), false)
                .filter(u -> u.get("username").asText().equals(username))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
    }

    @Test
    void shouldLetAManagerGrantOnlyCooperativeRolesInTheirOwnCooperative() {
        String m = tokenOf(manager());
        JsonNode member = user(manager(), "COOP_MEMBER", coopId);
        String id = member.get("id").asText();

        Api.Reply promoted = role(m, id, "COOP_MANAGER");
        assertEquals(200, promoted.status(), promoted.text());
        assertEquals("COOP_MANAGER", promoted.json().get("role").asText());
        assertEquals(coopId, promoted.json().get("cooperativeId").asText(), "stays in the cooperative");
        assertEquals(
                "COOP_MEMBER", role(m, id, "COOP_MEMBER").json().get("role").asText());

        assertReason(role(m, id, "ADMIN"), 403, "forbidden", "role-not-grantable");
        assertReason(role(m, id, "COMMUNE_STAFF"), 403, "forbidden", "role-not-grantable");
        assertReason(role(m, id, "DIGITAL_TEAM"), 403, "forbidden", "role-not-grantable");
        // another cooperative's member looks unknown; one's own role is not one's to change
        assertProblem(role(m, idOf("tantru.xavien"), "COOP_MANAGER"), 404, "not-found");
        assertProblem(role(m, "no-such-user", "COOP_MANAGER"), 404, "not-found");
        String myId =
                api.send("GET", "/api/auth/me", m, null, null).json().get("id").asText();
        assertReason(role(m, myId, "COOP_MEMBER"), 409, "conflict", "own-account");
        // commune staff, digital teams and members manage nobody
        for (String nobody : List.of("canbo.binhtinh", TenancyScenarios.TEAM, "tantru.xavien")) {
            assertProblem(role(api.token(nobody), id, "COOP_MANAGER"), 403, "forbidden");
        }
        assertProblem(
                api.send(
                        "POST",
                        "/api/users/" + id + "/role",
                        m,
                        "application/json",
                        Api.asJson(Map.of("role", "NO_SUCH_ROLE"))),
                400,
                "malformed-request");

        JsonNode audit =
                api.send("GET", "/api/audit?entityId=" + id, m, null, null).json();
        List<String> changes = StreamSupport.stream(audit.get("items").spliterator(), false)
                .filter(e -> e.get("action").asText().equals("change-role"))
                .map(e -> e.get("actor").asText() + " " + e.get("summary").asText())
                .toList();
        assertEquals(2, changes.size(), audit.toString());
        assertTrue(
                changes.contains(manager() + " " + member.get("username").asText() + ": COOP_MANAGER -> COOP_MEMBER"),
                changes.toString());
    }

    @Test
    void shouldLetAnAdminGrantAnyRoleButNeverTheirOwn() {
        manager();
        String adminId = api.get("admin", "/api/auth/me").json().get("id").asText();
        // the only admin an admin may not change is themselves, so the last enabled admin always stays
        assertReason(role(api.token("admin"), adminId, "COMMUNE_STAFF"), 409, "conflict", "own-account");
        assertEquals(
                "ADMIN", api.get("admin", "/api/auth/me").json().get("role").asText());

        JsonNode staff = user("admin", "COMMUNE_STAFF", null);
        String id = staff.get("id").asText();
        Api.Reply toAdmin = role(api.token("admin"), id, "ADMIN");
        assertEquals(200, toAdmin.status(), toAdmin.text());
        assertTrue(toAdmin.json().get("communes").isEmpty(), "an admin has no communes");
        // a cooperative role needs a cooperative: the user has none, so the admin names one
        assertProblem(role(api.token("admin"), id, "COOP_MEMBER"), 400, "validation-failed");
        Api.Reply toMember =
                api.post("admin", "/api/users/" + id + "/role", Map.of("role", "COOP_MEMBER", "cooperativeId", coopId));
        assertEquals(200, toMember.status(), toMember.text());
        assertEquals(coopId, toMember.json().get("cooperativeId").asText());
        // now the manager of that cooperative manages them
        assertEquals(200, role(tokenOf(manager()), id, "COOP_MANAGER").status());
    }

    @Test
    void shouldResetAPasswordToAOneTimePasswordThatMustBeChanged() {
        String m = tokenOf(manager());
        JsonNode member = user(manager(), "COOP_MEMBER", coopId);
        String id = member.get("id").asText();
        String username = member.get("username").asText();
        String oldSession = tokenOf(username);

        Api.Reply reset = api.send("POST", "/api/users/" + id + "/password-reset", m, null, null);
        assertEquals(200, reset.status(), reset.text());
        String temporary = reset.json().get("temporaryPassword").asText();
        assertTrue(temporary.length() >= 16, temporary);
        assertTrue(reset.json().at("/user/mustChangePassword").asBoolean());
        assertEquals("no-store", reset.header("Cache-Control"));

        assertProblem(api.login(username, PASSWORD), 401, "unauthenticated");
        assertProblem(api.send("GET", "/api/auth/me", oldSession, null, null), 401, "unauthenticated");

        Api.Reply signedIn = api.login(username, temporary);
        assertEquals(200, signedIn.status(), signedIn.text());
        assertTrue(signedIn.json().at("/user/mustChangePassword").asBoolean());
        String t = signedIn.json().get("token").asText();
        assertProblem(api.send("GET", "/api/zones", t, null, null), 403, "password-change-required");
        assertEquals(200, api.send("GET", "/api/auth/me", t, null, null).status());
        assertProblem(
                api.send(
                        "POST",
                        "/api/auth/password",
                        t,
                        "application/json",
                        Api.asJson(Map.of("oldPassword", temporary, "newPassword", temporary))),
                400,
                "validation-failed");
        String chosen = "mat-khau-moi-cua-toi-17";
        assertEquals(
                204,
                api.send(
                                "POST",
                                "/api/auth/password",
                                t,
                                "application/json",
                                Api.asJson(Map.of("oldPassword", temporary, "newPassword", chosen)))
                        .status());
        assertProblem(api.login(username, temporary), 401, "unauthenticated");
        Api.Reply again = api.login(username, chosen);
        assertEquals(200, again.status(), again.text());
        assertFalse(again.json().at("/user/mustChangePassword").asBoolean());
        assertEquals(
                200,
                api.send("GET", "/api/zones", again.json().get("token").asText(), null, null)
                        .status());

        // refusals: one's own password is changed, not reset; another cooperative's user looks unknown
        String myId =
                api.send("GET", "/api/auth/me", m, null, null).json().get("id").asText();
        assertReason(
                api.send("POST", "/api/users/" + myId + "/password-reset", m, null, null),
                409,
                "conflict",
                "own-account");
        assertProblem(
                api.send("POST", "/api/users/" + idOf("tantru.xavien") + "/password-reset", m, null, null),
                404,
                "not-found");
        assertProblem(
                api.send("POST", "/api/users/" + id + "/password-reset", api.token("canbo.binhtinh"), null, null),
                403,
                "forbidden");

        // audited, without the password
        JsonNode audit =
                api.send("GET", "/api/audit?entityId=" + id, m, null, null).json();
        assertTrue(audit.toString().contains("reset-password"), audit.toString());
        assertTrue(audit.toString().contains("change-password"), audit.toString());
        assertFalse(audit.toString().contains(temporary), "no password in the audit log");
    }

    @Test
    void shouldLetAManagerManageUsersOnTheUsersPage() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        String mgr = manager();
        JsonNode member = user(mgr, "COOP_MEMBER", coopId);
        String username = member.get("username").asText();
        String id = member.get("id").asText();
        Browser b = browser();
        b.signIn(mgr, PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);

        b.open("/app/users.xhtml?q=" + username);
        assertTrue(b.text().contains("Hiển thị 1–1 trong tổng số 1"), b.text());
        b.driver
                .findElement(By.cssSelector("a[href*='do=role'][href*='" + id + "']"))
                .click();
        Select roles = new Select(b.el("confirm:newRole"));
        assertEquals(
                List.of("Quản lý HTX", "Xã viên HTX"),
                roles.getOptions().stream().map(o -> o.getText()).sorted().toList(),
                "a manager grants only the cooperative roles");
        b.select("confirm:newRole", "Quản lý HTX");
        b.click("confirm:apply-role");
        b.waitFor(d -> b.text().contains("Đã đổi vai trò"), 10);
        assertEquals(
                "COOP_MANAGER",
                api.get("admin", "/api/users").json().findParents("username").stream()
                        .filter(u -> u.get("username").asText().equals(username))
                        .findFirst()
                        .orElseThrow()
                        .get("role")
                        .asText());

        b.open("/app/users.xhtml?q=" + username);
        b.driver
                .findElement(By.cssSelector("a[href*='do=reset'][href*='" + id + "']"))
                .click();
        b.click("confirm:apply-reset");
        b.waitFor(d -> !d.findElements(By.id("temp-password")).isEmpty(), 10);
        String temporary = b.el("temp-password").getText().strip();
        b.screenshot("users-reset-1280");
        assertEquals(200, api.login(username, temporary).status(), "the shown temporary password signs in");

        b.open("/app/users.xhtml?q=" + username);
        b.driver
                .findElement(By.cssSelector("a[href*='do=disable'][href*='" + id + "']"))
                .click();
        b.click("confirm:apply-disable");
        b.waitFor(d -> b.text().contains("Đã khoá"), 10);
        assertProblem(api.login(username, temporary), 401, "unauthenticated");

        // another cooperative's user cannot be opened for a change
        b.open("/app/users.xhtml?do=reset&user=" + idOf("tantru.xavien"));
        assertTrue(b.driver.findElements(By.id("confirm:apply-reset")).isEmpty(), "no form for another's user");

        // the user signed in with a temporary password is sent to change it
        JsonNode other = user(mgr, "COOP_MEMBER", coopId);
        String tmp = api.send(
                        "POST", "/api/users/" + other.get("id").asText() + "/password-reset", tokenOf(mgr), null, null)
                .json()
                .get("temporaryPassword")
                .asText();
        b.driver.manage().deleteAllCookies();
        b.signIn(other.get("username").asText(), tmp);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/password"), 10);
        b.open("/app/zones.xhtml");
        assertTrue(b.driver.getCurrentUrl().contains("/app/password"), "nothing else until it is changed");
        b.type("password:oldPassword", tmp);
        b.type("password:newPassword", "mat-khau-rieng-2026");
        b.type("password:newPasswordAgain", "mat-khau-rieng-2026");
        b.click("password:save");
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        assertEquals(
                200,
                api.login(other.get("username").asText(), "mat-khau-rieng-2026").status());
    }

    @Test
    void shouldPageTheZoneListWithACountAndFilters() {
        String mgr = manager();
        String m = tokenOf(mgr);
        String tag = unique();
        for (int i = 0; i < 60; i++) {
            String code = String.format("VN-PG%s-%02d", tag, i);
            Api.Reply r = api.send("POST", "/api/zones", m, "application/json", Api.asJson(Fixtures.zoneBody(code)));
            assertEquals(201, r.status(), r.text());
        }
        JsonNode first = api.send("GET", "/api/zones?size=50", m, null, null).json();
        assertEquals(60, first.get("total").asInt(), "the API counts every zone of the cooperative");
        assertEquals(50, first.get("items").size());

        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.signIn(mgr, PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        b.open("/app/zones.xhtml");
        assertTrue(b.text().contains("Hiển thị 1–50 trong tổng số 60"), b.text());
        assertEquals(
                50, b.driver.findElements(By.cssSelector("#zones tbody tr")).size());
        b.driver.findElement(By.cssSelector("a[rel='next']")).click();
        b.waitFor(d -> b.text().contains("Hiển thị 51–60 trong tổng số 60"), 10);
        assertEquals(
                10, b.driver.findElements(By.cssSelector("#zones tbody tr")).size());
        assertTrue(b.driver.findElements(By.cssSelector("a[rel='next']")).isEmpty(), "no next page after the last");
        b.driver.findElement(By.cssSelector("a[rel='prev']")).click();
        b.waitFor(d -> b.text().contains("Hiển thị 1–50 trong tổng số 60"), 10);

        b.type("filter-q", "VN-PG" + tag + "-1");
        b.click("filter-apply");
        b.waitFor(d -> b.text().contains("Hiển thị 1–10 trong tổng số 10"), 10); // -10 … -19
        assertTrue(b.driver.getCurrentUrl().contains("q="), "the filter is in the address: bookmarkable");
        b.select("filter-status", "Đang hoạt động");
        b.click("filter-apply");
        b.waitFor(
                d -> d.getCurrentUrl().contains("status=") && b.text().contains("Hiển thị 1–10 trong tổng số 10"), 10);
        b.screenshot("zones-paged-1280");
    }

    @Test
    void shouldCountEveryListOnItsPage() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.signIn("admin", Api.DEMO_PASSWORD);
        b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
        for (String page : List.of("zones", "batches", "products", "cooperatives", "reports", "users", "catalog")) {
            b.open("/app/" + page + ".xhtml");
            String text = b.text();
            assertTrue(
                    text.matches("(?s).*(Hiển thị 1–\\d+ trong tổng số [\\d.]+|Không có dòng nào).*"),
                    page + " shows its count: " + text);
            assertFalse(b.driver.findElements(By.id("filter-apply")).isEmpty(), page + " has a filter");
        }
        // an unknown filter value or page number is no error page
        b.open("/app/zones.xhtml?status=NO_SUCH&page=x");
        assertTrue(b.text().contains("Vùng trồng"), b.text());
        b.open("/app/products.xhtml?ocop=whatever&page=999999");
        assertTrue(b.text().contains("Trang này không có dòng nào"), b.text());
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(api.base(), 1280, 900);
        }
        return browser;
    }
}
