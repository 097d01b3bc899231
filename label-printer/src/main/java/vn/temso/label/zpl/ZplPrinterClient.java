package vn.temso.label.zpl;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Sends ZPL to a network printer's raw port (9100) over a plain socket. Connect and write
 * timeouts keep a powered-off printer from hanging the caller. Zebra printers do not acknowledge
 * raw jobs, so success means "the printer accepted all bytes".
 */
public final class ZplPrinterClient {

    public static final int DEFAULT_PORT = 9100;
    private static final Logger LOG = Logger.getLogger(ZplPrinterClient.class.getName());

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration writeTimeout;

    public ZplPrinterClient(String host, int port, Duration connectTimeout, Duration writeTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, not " + port);
        }
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /** Port 9100, 5 s to connect, 30 s for the printer to read what was sent. */
    public static ZplPrinterClient of(String host) {
        return new ZplPrinterClient(host, DEFAULT_PORT, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** "host" or "host:port". */
    public static ZplPrinterClient parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon > 0 && hostAndPort.indexOf(':') == colon) {
            try {
                int port = Integer.parseInt(hostAndPort.substring(colon + 1));
                return new ZplPrinterClient(
                        hostAndPort.substring(0, colon), port, Duration.ofSeconds(5), Duration.ofSeconds(30));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("printer must be host or host:port, not " + hostAndPort);
            }
        }
        return of(hostAndPort);
    }

    /** Sends a whole job. */
    public void send(byte[] zpl) throws IOException {
        try (OutputStream out = open()) {
            out.write(zpl);
        }
    }

    /** Sends a ZPL file. */
    public void send(Path zplFile) throws IOException {
        try (OutputStream out = open();
                InputStream in = Files.newInputStream(zplFile)) {
            in.transferTo(out);
        }
    }

    /**
     * Opens a connection to stream a job into, e.g. straight from
     * {@link ZplLabelWriter#write(java.util.Iterator, long, OutputStream)}; closing it ends the job.
     * A write blocked longer than the write timeout (printer out of paper, buffer full) fails.
     */
    public OutputStream open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            // SO_TIMEOUT covers reads; for writes, a watchdog closes the socket if one blocks too long
            socket.setSoTimeout(Math.toIntExact(writeTimeout.toMillis()));
            socket.setTcpNoDelay(false);
        } catch (IOException e) {
            socket.close();
            throw new IOException(
                    "cannot reach printer " + host + ":" + port + " within " + connectTimeout.toMillis() + " ms: "
                            + e.getMessage(),
                    e);
        }
        LOG.fine(() -> "connected to printer " + host + ":" + port);
        return new TimedOutput(socket, writeTimeout.toMillis());
    }

    /** Fails a write that blocks longer than the timeout by closing the socket under it. */
    private static final class TimedOutput extends FilterOutputStream {
        private final Socket socket;
        private final long timeoutMs;
        private final java.util.concurrent.ScheduledExecutorService watchdog;

        TimedOutput(Socket socket, long timeoutMs) throws IOException {
            super(new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
            this.socket = socket;
            this.timeoutMs = timeoutMs;
            this.watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zpl-printer-watchdog");
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            guarded(() -> out.write(b, off, len));
        }

        @Override
        public void write(int b) throws IOException {
            guarded(() -> out.write(b));
        }

        @Override
        public void flush() throws IOException {
            guarded(out::flush);
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
                socket.shutdownOutput();
            } finally {
                watchdog.shutdownNow();
                socket.close();
            }
        }

        private void guarded(IoAction action) throws IOException {
            var timer = watchdog.schedule(
                    () -> {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing is the point; nothing else to do
                        }
                    },
                    timeoutMs,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                action.run();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    throw new IOException("printer did not accept data within " + timeoutMs + " ms", e);
                }
                throw e;
            } finally {
                timer.cancel(false);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
