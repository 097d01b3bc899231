package vn.temso.label.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.IntStream;
import vn.temso.label.Fixtures;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.LabelItem;
import vn.temso.label.pdf.PdfOptions;
import vn.temso.label.pdf.PdfSheetWriter;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.Templates;

/**
 * Prints N labels (generated lazily, never held in a list) on the 3x8 A4 template and reports labels
 * per second, bytes per label and peak heap, next to gLabels' figures handed in by bench/label-printer.sh.
 * Not a test: run it through the script, with -Xmx64m to show that memory stays flat.
 *
 * <p>System properties from the script: glabels.rows, glabels.seconds, glabels.bytes, glabels.rssKb,
 * glabels.targetRows (figures are scaled linearly to targetRows when rows is smaller).
 */
public final class LabelSheetBenchmark {

    /** glabels-3-batch, all 10,000 rows, on this machine when idle (docs/label-printer.md). */
    private static final int GLABELS_IDLE_ROWS = 10_000;

    private static final double GLABELS_IDLE_SECONDS = 521;

    private LabelSheetBenchmark() {}

    public static void main(String[] args) throws IOException {
        int labels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path outDir = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(outDir);
        SheetTemplate template = Templates.sheetPreset("3x8-70x37");

        // warm-up: JIT and font loading, not measured
        run(template, 1_000, outDir.resolve("warmup.pdf"));
        System.gc();

        Result small = measured(template, 1_000, outDir.resolve("temso-1000.pdf"));
        Result big = measured(template, labels, outDir.resolve("temso-" + labels + ".pdf"));

        System.out.printf(
                Locale.ROOT,
                "temso  %,7d labels: %6.2f s  %,8.0f labels/s  %,6.0f bytes/label  peak heap %5.1f MB"
                        + " (max heap %d MB)%n",
                labels,
                big.seconds,
                labels / big.seconds,
                big.summary.bytes() / (double) labels,
                big.peakHeapMb,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
                Locale.ROOT,
                "temso  %,7d labels: %6.2f s  %,8.0f labels/s  %,6.0f bytes/label  peak heap %5.1f MB"
                        + "  <- memory flat: %d x the labels, %.2f x the peak heap%n",
                1_000,
                small.seconds,
                1_000 / small.seconds,
                small.summary.bytes() / 1000.0,
                small.peakHeapMb,
                labels / 1_000,
                big.peakHeapMb / small.peakHeapMb);

        String rows = System.getProperty("glabels.rows");
        if (rows == null) {
            System.out.println("gLabels figures not given: run bench/label-printer.sh for the comparison");
            return;
        }
        int glRows = Integer.parseInt(rows);
        double glSeconds = Double.parseDouble(System.getProperty("glabels.seconds"));
        long glBytes = Long.parseLong(System.getProperty("glabels.bytes"));
        long glRssKb = Long.parseLong(System.getProperty("glabels.rssKb", "0"));
        double glPerSecond = glRows / glSeconds;
        double glBytesPerLabel = glBytes / (double) glRows;
        boolean extrapolated = glRows < labels;
        System.out.printf(
                Locale.ROOT,
                "glabels %,6d labels: %6.2f s  %,8.1f labels/s  %,6.0f bytes/label  max RSS %,.0f MB"
                        + " (glabels-3-batch, measured in this run)%n",
                glRows,
                glSeconds,
                glPerSecond,
                glBytesPerLabel,
                glRssKb / 1024.0);
        if (extrapolated) {
            System.out.printf(
                    Locale.ROOT,
                    "glabels %,6d labels: %6.1f s EXTRAPOLATED linearly from %,d rows"
                            + " (all 10,000 rows measured earlier on an idle machine: %.0f s)%n",
                    labels,
                    glSeconds * labels / glRows,
                    glRows,
                    GLABELS_IDLE_SECONDS);
        }
        double speed = (labels / big.seconds) / glPerSecond;
        double size = (big.summary.bytes() / (double) labels) / glBytesPerLabel;
        System.out.printf(
                Locale.ROOT,
                "ratio: %.0fx faster than gLabels (target >= 40x: %s); bytes/label %.2f of"
                        + " gLabels' (target <= 0.5: %s); peak heap %.1f MB under -Xmx%d MB%n",
                speed,
                speed >= 40 ? "met" : "NOT met",
                size,
                size <= 0.5 ? "met" : "NOT met",
                big.peakHeapMb,
                Runtime.getRuntime().maxMemory() >> 20);
        double idle = (labels / big.seconds) / (GLABELS_IDLE_ROWS / GLABELS_IDLE_SECONDS);
        System.out.printf(
                Locale.ROOT,
                "ratio against gLabels' idle figure (%,d labels in %.0f s, %.1f labels/s): %.0fx"
                        + " (target >= 40x: %s)%n",
                GLABELS_IDLE_ROWS,
                GLABELS_IDLE_SECONDS,
                GLABELS_IDLE_ROWS / GLABELS_IDLE_SECONDS,
                idle,
                idle >= 40 ? "met" : "NOT met");
    }

    private record Result(PrintSummary summary, double seconds, double peakHeapMb) {}

    private static Result measured(SheetTemplate template, int labels, Path file) throws IOException {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        PrintSummary s = run(template, labels, file);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Result(s, seconds, peak / 1048576.0);
    }

    private static PrintSummary run(SheetTemplate template, int labels, Path file) throws IOException {
        Iterator<LabelItem> items =
                IntStream.range(0, labels).mapToObj(Fixtures::item).iterator();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return new PdfSheetWriter(template, PdfOptions.defaults().withEncoderThreads(2)).write(items, labels, out);
        }
    }
}
