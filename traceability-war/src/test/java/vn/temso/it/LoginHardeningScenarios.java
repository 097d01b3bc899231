package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 6 and the account items of finding 8: sign-in cannot be used as a weapon (see
 * docs/security/accounts.md). The IT server runs with temso.login.first-lock-seconds=3.
 */
public abstract class LoginHardeningScenarios extends ApiScenarios {

    private static final String PASSWORD = "a-long-password-2026";

    @Test
    void shouldCountEveryOneOfParallelWrongPasswords() throws Exception {
        String name = "it.parallel." + unique().toLowerCase();
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Api.Reply> replies;
        try {
            List<CompletableFuture<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> login(api, name, "wrong-password"), pool));
            }
            replies = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        long counted = replies.stream().filter(r -> r.status() == 401).count();
        for (Api.Reply r : replies) {
            assertTrue(r.status() == 401 || r.status() == 429, () -> r.status() + " " + r.text());
        }
        // 5 free failures, then a lock of 3 s doubling with each further failure: the lock shows the count
        assertTrue(counted >= 5, "counted " + counted);
        Api.Reply next = login(api, name, "wrong-password");
        assertProblem(next, 429, "too-many-requests");
        long expectedLock = 3L << (counted - 5);
        long retryAfter = Long.parseLong(next.header("Retry-After"));
        assertTrue(
                retryAfter >= expectedLock - 2,
                counted + " failures should lock ~" + expectedLock + " s, Retry-After was " + retryAfter);
    }

    @Test
    void shouldNotLetAStrangerLockAUserOutFromAnotherAddress() {
        Api elsewhere = otherAddress();
        Assumptions.assumeTrue(elsewhere != null, "this machine has no second address to reach the server by");
        String username = newUser("it.victim.");
        Api.Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = login(api, username, "stranger-guess-" + i);
        }
        assertProblem(last, 429, "too-many-requests");
        // the real user, from their own address, still signs in
        Api.Reply own = login(elsewhere, username, PASSWORD);
        assertEquals(200, own.status(), own.text());
        // the stranger's address stays locked, even with the right password
        assertProblem(login(api, username, PASSWORD), 429, "too-many-requests");
    }

    @Test
    void shouldRefuseADisabledUserAndEndTheirSessionsAtOnce() {
        String username = newUser("it.leaver.");
        String id = api.get("admin", "/api/users").json().findParents("username").stream()
                .filter(u -> u.get("username").asText().equals(username))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        Api.Reply signedIn = login(api, username, PASSWORD);
        assertEquals(200, signedIn.status(), signedIn.text());
        String token = signedIn.json().get("token").asText();
        assertEquals(200, api.send("GET", "/api/auth/me", token, null, null).status());

        assertProblem(api.post("tantru.quanly", "/api/users/" + id + "/disable", null), 404, "not-found");
        Api.Reply disabled = api.post("admin", "/api/users/" + id + "/disable", null);
        assertEquals(200, disabled.status(), disabled.text());
        assertFalse(disabled.json().get("enabled").asBoolean());

        assertProblem(api.send("GET", "/api/auth/me", token, null, null), 401, "unauthenticated");
        Api.Reply refused = login(api, username, PASSWORD);
        Api.Reply wrong = login(api, "it.nobody." + unique().toLowerCase(), PASSWORD);
        assertProblem(refused, 401, "unauthenticated");
        assertEquals(wrong.json().get("detail"), refused.json().get("detail"), "same answer as a wrong password");

        Api.Reply enabled = api.post("admin", "/api/users/" + id + "/enable", null);
        assertEquals(200, enabled.status(), enabled.text());
        assertTrue(enabled.json().get("enabled").asBoolean());
        assertEquals(200, login(api, username, PASSWORD).status());
    }

    @Test
    void shouldKeepTheLastAdminEnabled() {
        String adminId = api.get("admin", "/api/auth/me").json().get("id").asText();
        assertProblem(api.post("admin", "/api/users/" + adminId + "/disable", null), 409, "conflict");
        assertEquals(200, api.get("admin", "/api/auth/me").status(), "still signed in");
    }

    @Test
    void shouldThrottlePasswordChanges() throws InterruptedException {
        String username = newUser("it.pwchange.");
        String token = login(api, username, PASSWORD).json().get("token").asText();
        Api.Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = api.send(
                    "POST",
                    "/api/auth/password",
                    token,
                    "application/json",
                    Api.asJson(Map.of("oldPassword", "guess-number-" + i, "newPassword", "another-long-password")));
            if (i < 5) {
                assertProblem(last, 400, "validation-failed");
            }
        }
        assertProblem(last, 429, "too-many-requests");
        assertNotNull(last.header("Retry-After"));
        // even the right current password waits for the lock to end
        Map<String, String> right = Map.of("oldPassword", PASSWORD, "newPassword", "another-long-password");
        assertProblem(
                api.send("POST", "/api/auth/password", token, "application/json", Api.asJson(right)),
                429,
                "too-many-requests");
        Thread.sleep(3_500);
        assertEquals(
                204,
                api.send("POST", "/api/auth/password", token, "application/json", Api.asJson(right))
                        .status());
    }

    private static String newUser(String prefix) {
        String username = prefix + unique().toLowerCase();
        Api.Reply created = api.post(
                "admin",
                "/api/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "Lê Thị Thu",
                        "role",
                        "COMMUNE_STAFF",
                        "communes",
                        List.of("Tân Trụ"),
                        "password",
                        PASSWORD));
        assertEquals(201, created.status(), created.text());
        return username;
    }

    private static Api.Reply login(Api client, String username, String password) {
        return client.login(username, password);
    }

    /** A client that reaches the same server from another source address (::1 or a non-loopback one), or null. */
    private static Api otherAddress() {
        try {
            InetAddress used = InetAddress.getByName(api.base().getHost());
            List<InetAddress> candidates =
                    new ArrayList<>(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    Collections.list(nic.getInetAddresses()).stream()
                            .filter(a -> !a.isLinkLocalAddress())
                            .forEach(candidates::add);
                }
            }
            for (InetAddress a : candidates) {
                if (a.equals(used)) {
                    continue;
                }
                String host = a.getHostAddress().replaceFirst("%.*$", "");
                URI base = new URI(
                        "http",
                        null,
                        host.contains(":") ? "[" + host + "]" : host,
                        api.base().getPort(),
                        "/",
                        null,
                        null);
                Api other = new Api(base);
                try {
                    if (other.send("GET", "/health/ready", null, null, null).status() == 200) {
                        return other;
                    }
                } catch (AssertionError unreachable) {
                    // not listening there; try the next
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
