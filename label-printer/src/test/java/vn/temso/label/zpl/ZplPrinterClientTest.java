package vn.temso.label.zpl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.temso.label.Fixtures;
import vn.temso.label.template.ThermalTemplate;

class ZplPrinterClientTest {

    @Test
    void shouldStreamAJobToARawPrinterPort() throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = printer.accept();
                        InputStream in = s.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ZplPrinterClient client = new ZplPrinterClient(
                    "127.0.0.1", printer.getLocalPort(), Duration.ofSeconds(2), Duration.ofSeconds(5));
            ZplLabelWriter writer = new ZplLabelWriter(new ThermalTemplate("r", 50, 30, 203), ZplOptions.defaults());
            try (OutputStream out = client.open()) {
                writer.write(Fixtures.items(3), out);
            }
            String job = received.get(10, TimeUnit.SECONDS);
            assertEquals(3, job.split("\\^XZ", -1).length - 1);
            assertTrue(job.contains("^FDQA," + Fixtures.stampUrl(2) + "^FS"));
        }
    }

    @Test
    void shouldFailClearlyWhenNoPrinterListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ZplPrinterClient client = new ZplPrinterClient("127.0.0.1", port, Duration.ofSeconds(1), Duration.ofSeconds(1));
        IOException e = assertThrows(IOException.class, () -> client.send(new byte[] {'^', 'X', 'A'}));
        assertTrue(e.getMessage().contains("cannot reach printer 127.0.0.1:" + port), e.getMessage());
    }
}
