package vn.temso.catalog.bench;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import vn.temso.catalog.feed.FeedFormat;
import vn.temso.catalog.feed.FeedOptions;
import vn.temso.catalog.feed.GoogleXmlFeedWriter;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;

/**
 * Google XML feed of N products (default 100,000) written to a file, against a plain reference:
 * the same fields formatted with String.format into a BufferedWriter without any XML escaping.
 * Entries are generated lazily, so neither side holds the catalog in memory. Run with -Xmx128m
 * (bench/catalog-sync.sh does).
 */
public final class GoogleXmlFeedBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int RUNS = 3;

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(dir);
        Path xmlFile = dir.resolve("google-bench.xml");
        Path refFile = dir.resolve("reference-bench.xml");
        GoogleXmlFeedWriter writer = new GoogleXmlFeedWriter(FeedOptions.forDay(TODAY));

        // warm-up: JIT both paths on the full size once, into a discarding stream
        writer.write(new Catalog(n), new Counting(OutputStream.nullOutputStream()));
        reference(new Catalog(n), new Counting(OutputStream.nullOutputStream()));
        generateOnly(n);

        List<double[]> xml = new ArrayList<>();
        List<double[]> ref = new ArrayList<>();
        List<Double> gen = new ArrayList<>();
        long peakHeap = 0;
        long xmlBytes = 0;
        for (int run = 0; run < RUNS; run++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            Counting out = new Counting(Files.newOutputStream(xmlFile));
            try (out) {
                writer.write(new Catalog(n), out);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            peakHeap = Math.max(peakHeap, heapPeak());
            xmlBytes = out.count;
            xml.add(new double[] {s, out.count / 1e6 / s});

            long t1 = System.nanoTime();
            Counting rout = new Counting(Files.newOutputStream(refFile));
            try (rout) {
                reference(new Catalog(n), rout);
            }
            double rs = (System.nanoTime() - t1) / 1e9;
            ref.add(new double[] {rs, rout.count / 1e6 / rs});

            gen.add(generateOnly(n));
        }
        double xmlMbps = median(xml.stream().mapToDouble(r -> r[1]).toArray());
        double refMbps = median(ref.stream().mapToDouble(r -> r[1]).toArray());
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(
                Locale.ROOT,
                "products: %,d; feed size %.1f MB (%,d bytes, %.0f bytes/item); runs: %d (median shown)%n",
                n,
                xmlBytes / 1e6,
                xmlBytes,
                (double) xmlBytes / n,
                RUNS);
        System.out.printf(
                Locale.ROOT,
                "StAX Google XML to file:         %6.1f MB/s  (%.2f s)  runs %s%n",
                xmlMbps,
                median(xml.stream().mapToDouble(r -> r[0]).toArray()),
                rates(xml));
        System.out.printf(
                Locale.ROOT,
                "reference String.format, no esc: %6.1f MB/s  (%.2f s)  runs %s%n",
                refMbps,
                median(ref.stream().mapToDouble(r -> r[0]).toArray()),
                rates(ref));
        System.out.printf(
                Locale.ROOT,
                "generating the entries alone:    %.2f s of each run above%n",
                median(gen.stream().mapToDouble(Double::doubleValue).toArray()));
        System.out.printf(Locale.ROOT, "ratio StAX / reference:          %.2f%n", xmlMbps / refMbps);
        System.out.printf(
                Locale.ROOT,
                "peak heap during the XML runs:   %.1f MB (max heap %.0f MB)%n",
                peakHeap / 1048576.0,
                maxHeap / 1048576.0);
        System.out.printf(
                Locale.ROOT,
                "target: >= 50 MB/s -> %.2fx of target (%s); heap <= 128 MB -> %.2f of limit (%s)%n",
                xmlMbps / 50,
                xmlMbps >= 50 ? "met" : "NOT met",
                peakHeap / (128.0 * 1048576),
                peakHeap <= 128L * 1048576 ? "met" : "NOT met");
    }

    /** The same element layout written with String.format and no escaping at all: what "just printing" costs. */
    private static void reference(Iterator<CatalogEntry> entries, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\">\n<channel>\n");
        while (entries.hasNext()) {
            CatalogEntry e = entries.next();
            w.write(String.format(
                    "<item><g:id>%s</g:id><g:title>%s</g:title><g:description>%s</g:description>"
                            + "<g:link>%s</g:link><g:image_link>%s</g:image_link><g:availability>%s</g:availability>"
                            + "<g:price>%s</g:price><g:condition>%s</g:condition><g:brand>%s</g:brand><g:gtin>%s</g:gtin>"
                            + "<g:product_type>%s</g:product_type>%s</item>%n",
                    e.id(),
                    e.title(),
                    e.description(),
                    e.link(),
                    e.imageLink(),
                    e.availability().googleValue(),
                    FeedFormat.price(e.priceVnd()),
                    e.condition(),
                    e.brand(),
                    e.gtin(),
                    e.category(),
                    e.ocopValidOn(TODAY)
                            .map(o -> "<g:custom_label_0>" + o.label() + "</g:custom_label_0>")
                            .orElse("")));
        }
        w.write("</channel>\n</rss>\n");
        w.flush();
    }

    private static double generateOnly(int n) {
        long t = System.nanoTime();
        long sink = 0;
        for (Catalog c = new Catalog(n); c.hasNext(); ) {
            sink += c.next().title().length();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static String rates(List<double[]> runs) {
        return Arrays.toString(
                runs.stream().mapToDouble(r -> Math.round(r[1] * 10) / 10.0).toArray());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound: pools peak at different moments). */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** A lazily generated catalog of realistic OCOP entries (Vietnamese text, some characters to escape). */
    static final class Catalog implements Iterator<CatalogEntry> {
        private static final String[] PRODUCTS = {
            "Gạo thơm ST25",
            "Dừa sáp Cầu Kè",
            "Mắm cá linh",
            "Bưởi da xanh",
            "Chè Shan tuyết",
            "Mật ong bạc hà",
            "Cà phê Robusta",
            "Nước mắm Phú Quốc"
        };
        private static final String DESCRIPTION = "Sản phẩm OCOP của hợp tác xã, trồng theo VietGAP & đóng gói tại vùng"
                + " nguyên liệu. Bảo quản nơi khô ráo, thoáng mát; tránh ánh nắng trực tiếp. Hạn dùng 12 tháng"
                + " kể từ ngày sản xuất <xem trên bao bì>. Truy xuất nguồn gốc bằng mã QR trên tem.";
        private final int n;
        private int i;

        Catalog(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return i < n;
        }

        @Override
        public CatalogEntry next() {
            if (i >= n) {
                throw new NoSuchElementException();
            }
            int k = i++;
            String name = PRODUCTS[k % PRODUCTS.length];
            return CatalogEntry.builder("SP-" + k)
                    .title(name + " – Hợp tác xã số " + (k % 977) + " loại " + (k % 3 + 1))
                    .description(DESCRIPTION + " Lô " + k + ".")
                    .link("https://temso.vn/p/sp-" + k)
                    .imageLink("https://temso.vn/img/sp-" + k + ".jpg")
                    .availability(k % 10 == 0 ? Availability.OUT_OF_STOCK : Availability.IN_STOCK)
                    .priceVnd(15_000 + (k % 500) * 1_000L)
                    .brand("HTX " + name)
                    .gtin("08935049500124")
                    .ocop(
                            k % 4 == 0
                                    ? null
                                    : new vn.temso.catalog.model.OcopCertificate(
                                            3 + k % 3,
                                            k % 7 == 0 ? LocalDate.of(2026, 1, 1) : LocalDate.of(2028, 1, 1)))
                    .category("Thực phẩm > " + name)
                    .updatedAt(Instant.EPOCH.plusSeconds(k))
                    .build();
        }
    }

    /** Counts bytes on the way through. */
    static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
