package vn.temso.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another Temso, empty: the built WAR on its own Payara Micro process (started here, as run.sh starts one), with a
 * fresh embedded database, no demo data and one administrator ({@code admin}, the demo password), on a free
 * loopback port. For the EPCIS round trip: what one Temso exports, another captures.
 */
final class SecondTemso implements AutoCloseable {

    static final String ADMIN = "admin";

    private final Process process;
    private final Path log;
    private final Api api;

    private SecondTemso(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** Starts it and waits until its API answers (at most 4 minutes on a loaded machine). */
    static SecondTemso start(String name) throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("temso.it.dataDir", "target/it-data"))
                .toAbsolutePath()
                .getParent();
        Path home = target.resolve(name);
        if (Files.exists(home)) {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        Path data = home.resolve("data");
        Path log = home.resolve("payara.log");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + tmp,
                "-Dtemso.data.dir=" + data,
                "-Dderby.stream.error.file=" + home.resolve("derby.log"),
                "-Dtemso.demo.enabled=false",
                "-Dtemso.admin.username=" + ADMIN,
                "-Dtemso.admin.password=" + Api.DEMO_PASSWORD,
                "-Dtemso.public.base-url=http://127.0.0.1:" + port,
                "-jar",
                System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy",
                System.getProperty("temso.it.war", "target/temso.war"),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--nohazelcast",
                "--disablephonehome");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SecondTemso t = new SecondTemso(p, log, port);
        try {
            t.awaitReady(Duration.ofMinutes(4));
        } catch (AssertionError | IOException | InterruptedException e) {
            t.close();
            throw e;
        }
        return t;
    }

    Api api() {
        return api;
    }

    private void awaitReady(Duration limit) throws InterruptedException, IOException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("the second Temso stopped: " + tail());
            }
            try {
                // the API is up when it answers an anonymous caller with 401
                if (api.request("GET", "/api/auth/me")
                                .timeout(Duration.ofSeconds(5))
                                .exchange()
                                .status()
                        == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the second Temso did not start within " + limit + ": " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                .lines()
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
