package vn.temso.label.layout;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.temso.label.item.LabelItem;

/**
 * Encodes QR symbols ahead of the page writer. QR encoding (mask selection above all) is most of
 * the cost of a label, so with {@code threads > 1} a small pool encodes a bounded window of items
 * while the caller's thread draws: order is kept, memory stays bounded by the window, and the
 * source iterator is only ever touched by the caller's thread. With one thread nothing is started.
 */
public final class QrPipeline implements Iterator<QrPipeline.Encoded>, AutoCloseable {

    private static final int WINDOW_PER_THREAD = 32;
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final Iterator<LabelItem> source;
    private final ErrorCorrectionLevel level;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Encoded>> window = new ArrayDeque<>();
    private final int windowSize;

    public QrPipeline(Iterator<LabelItem> source, ErrorCorrectionLevel level, int threads) {
        this.source = source;
        this.level = level;
        if (threads > 1) {
            int n = POOL_NUMBER.incrementAndGet();
            AtomicInteger thread = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "label-qr-" + n + "-" + thread.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.windowSize = threads * WINDOW_PER_THREAD;
        } else {
            this.pool = null;
            this.windowSize = 0;
        }
    }

    @Override
    public boolean hasNext() {
        return pool == null ? source.hasNext() : fill();
    }

    @Override
    public Encoded next() {
        if (pool == null) {
            LabelItem item = source.next();
            return new Encoded(item, QrSymbol.encode(item.qrPayload(), level));
        }
        if (!fill()) {
            throw new NoSuchElementException();
        }
        try {
            return window.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding QR codes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("QR encoding failed", e.getCause());
        }
    }

    private boolean fill() {
        while (window.size() < windowSize && source.hasNext()) {
            LabelItem item = source.next();
            window.addLast(pool.submit(() -> new Encoded(item, QrSymbol.encode(item.qrPayload(), level))));
        }
        return !window.isEmpty();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** An item with its symbol. */
    public record Encoded(LabelItem item, QrSymbol qr) {}
}
