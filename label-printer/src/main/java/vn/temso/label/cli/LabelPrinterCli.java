package vn.temso.label.cli;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import vn.temso.label.LabelPrinterException;
import vn.temso.label.PrintSummary;
import vn.temso.label.item.LabelItem;
import vn.temso.label.item.LabelItemReader;
import vn.temso.label.layout.QrSymbol;
import vn.temso.label.pdf.PdfOptions;
import vn.temso.label.pdf.PdfSheetWriter;
import vn.temso.label.template.InvalidTemplateException;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.Templates;
import vn.temso.label.template.ThermalTemplate;
import vn.temso.label.zpl.ZplLabelWriter;
import vn.temso.label.zpl.ZplOptions;
import vn.temso.label.zpl.ZplPrinterClient;

/**
 * Command line: items file + template to a PDF or ZPL file (or straight to a network printer).
 * Exit codes: 0 done, 2 bad input or usage (message on stderr, no stack trace), 1 I/O failure.
 */
public final class LabelPrinterCli {

    static final String USAGE = """
            usage: label-printer --items items.csv|items.json --template NAME|template.json
                                 --format pdf|zpl --out FILE
                                 [--start-position N] [--cut-marks] [--calibration] [--dpi 152|203|300|600]
                                 [--ec L|M|Q|H] [--printer HOST[:PORT]]
              --items           CSV with a header row naming the fields, or a JSON array of objects:
                                qrPayload,productName,lot,zoneCode,harvestDate,expiry,netQuantity,
                                cooperativeName,ocopStars (dates yyyy-MM-dd; expiry, ocopStars optional)
              --template        sheet preset (%s) or a JSON file;
                                for zpl also a thermal size (%s)
              --start-position  1-based label position on the first sheet (pdf; default 1)
              --cut-marks       crop marks in the page margins (pdf)
              --calibration     begin with a calibration page; alone (no --items) prints only that page (pdf)
              --dpi             printer resolution: pdf default 300, zpl default 203
              --ec              QR error correction level, default Q
              --printer         zpl: send to HOST:PORT (default port 9100) instead of / besides --out
              --list-templates  print the presets and exit
            """;

    private LabelPrinterCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Args a;
        try {
            a = Args.parse(args);
        } catch (UsageException e) {
            stderr.println("label-printer: " + e.getMessage());
            stderr.print(usage());
            return 2;
        }
        if (a.help) {
            stdout.print(usage());
            return 0;
        }
        if (a.listTemplates) {
            Templates.sheetPresets().forEach(t -> stdout.println(t.describe()));
            stdout.println("thermal: " + String.join(", ", Templates.thermalPresetNames()));
            return 0;
        }
        try {
            PrintSummary s = "pdf".equals(a.format) ? pdf(a) : zpl(a);
            stdout.printf(
                    Locale.ROOT,
                    "wrote %d labels, %d %s, %d bytes%s%n",
                    s.labels(),
                    s.pages(),
                    "pdf".equals(a.format) ? "pages" : "labels",
                    s.bytes(),
                    a.out != null ? " to " + a.out : "");
            return 0;
        } catch (InvalidTemplateException e) {
            // one line per problem, each starting with the field it is about
            if (e.problems().size() == 1) {
                stderr.println("label-printer: " + e.getMessage());
            } else {
                stderr.println("label-printer: " + e.subject() + " is invalid:");
                e.problems().forEach(p -> stderr.println("  " + p.field() + ": " + p.message()));
            }
            return 2;
        } catch (LabelPrinterException | IllegalArgumentException | ArithmeticException e) {
            stderr.println("label-printer: " + e.getMessage());
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            stderr.println("label-printer: I/O error: " + e.getMessage());
            return 1;
        }
    }

    private static PrintSummary pdf(Args a) throws IOException {
        SheetTemplate template = Templates.sheet(a.template);
        PdfOptions options = PdfOptions.defaults()
                .withStartPosition(a.startPosition)
                .withCutMarks(a.cutMarks)
                .withCalibrationPage(a.calibration)
                .withDpi(a.dpi > 0 ? a.dpi : 300)
                .withErrorCorrection(a.ec)
                .withEncoderThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        PdfSheetWriter writer = new PdfSheetWriter(template, options);
        if (a.items == null) {
            return atomically(a.out, writer::writeCalibration);
        }
        long total = validate(a.items);
        return atomically(a.out, out -> {
            try (Stream<LabelItem> items = LabelItemReader.read(a.items)) {
                return writer.write(items.iterator(), total, out);
            }
        });
    }

    private static PrintSummary zpl(Args a) throws IOException {
        ThermalTemplate template = Templates.thermal(a.template, a.dpi);
        ZplLabelWriter writer =
                new ZplLabelWriter(template, ZplOptions.defaults().withErrorCorrection(a.ec));
        long total = validate(a.items);
        Job job = out -> {
            try (Stream<LabelItem> items = LabelItemReader.read(a.items)) {
                return writer.write(items.iterator(), total, out);
            }
        };
        PrintSummary summary = null;
        if (a.out != null) {
            summary = atomically(a.out, job);
        }
        if (a.printer != null) {
            ZplPrinterClient client = ZplPrinterClient.parse(a.printer);
            if (summary != null) {
                client.send(a.out);
            } else {
                try (OutputStream socket = client.open()) {
                    summary = job.write(socket);
                }
            }
        }
        return summary;
    }

    /** A first pass reads every item, so a bad row fails before any output is made. */
    private static long validate(Path items) throws IOException {
        try (Stream<LabelItem> s = LabelItemReader.read(items)) {
            long n = s.count();
            if (n == 0) {
                throw new LabelPrinterException(items + ": no label items");
            }
            return n;
        }
    }

    /** Writes to a temporary file beside the target and moves it in place, so a failure leaves no half file. */
    private static PrintSummary atomically(Path target, Job job) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new LabelPrinterException("output directory does not exist: " + dir);
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            PrintSummary s;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                s = job.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String usage() {
        return String.format(
                Locale.ROOT,
                USAGE,
                String.join(", ", Templates.sheetPresetNames()),
                String.join(", ", Templates.thermalPresetNames()));
    }

    @FunctionalInterface
    private interface Job {
        PrintSummary write(OutputStream out) throws IOException;
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed arguments. */
    static final class Args {
        Path items;
        String template;
        String format;
        Path out;
        int startPosition = 1;
        boolean cutMarks;
        boolean calibration;
        int dpi;
        ErrorCorrectionLevel ec = QrSymbol.DEFAULT_LEVEL;
        String printer;
        boolean help;
        boolean listTemplates;

        static Args parse(String[] args) throws UsageException {
            Args a = new Args();
            Iterator<String> it = java.util.Arrays.asList(args).iterator();
            while (it.hasNext()) {
                String opt = it.next();
                switch (opt) {
                    case "--items" -> a.items = Path.of(value(opt, it));
                    case "--template" -> a.template = value(opt, it);
                    case "--format" -> a.format = value(opt, it).toLowerCase(Locale.ROOT);
                    case "--out" -> a.out = Path.of(value(opt, it));
                    case "--start-position" -> a.startPosition = number(opt, value(opt, it));
                    case "--cut-marks" -> a.cutMarks = true;
                    case "--calibration" -> a.calibration = true;
                    case "--dpi" -> a.dpi = number(opt, value(opt, it));
                    case "--ec" -> a.ec = level(value(opt, it));
                    case "--printer" -> a.printer = value(opt, it);
                    case "--help", "-h" -> a.help = true;
                    case "--list-templates" -> a.listTemplates = true;
                    default -> throw new UsageException("unknown option " + opt);
                }
            }
            if (a.help || a.listTemplates) {
                return a;
            }
            if (a.format == null) {
                throw new UsageException("--format pdf|zpl is required");
            }
            if (!a.format.equals("pdf") && !a.format.equals("zpl")) {
                throw new UsageException("--format must be pdf or zpl, not " + a.format);
            }
            if (a.template == null) {
                throw new UsageException("--template is required");
            }
            if (a.out == null && a.printer == null) {
                throw new UsageException("--out is required" + (a.format.equals("zpl") ? " (or --printer)" : ""));
            }
            if (a.items == null && !(a.format.equals("pdf") && a.calibration)) {
                throw new UsageException("--items is required (only a pdf --calibration page can do without)");
            }
            if (a.startPosition < 1) {
                throw new UsageException("--start-position is 1-based, not " + a.startPosition);
            }
            if (a.dpi != 0 && !ThermalTemplate.SUPPORTED_DPI.contains(a.dpi)) {
                throw new UsageException("--dpi must be 152, 203, 300 or 600, not " + a.dpi);
            }
            if (a.format.equals("pdf") && a.printer != null) {
                throw new UsageException("--printer works with --format zpl only");
            }
            return a;
        }

        private static String value(String opt, Iterator<String> it) throws UsageException {
            if (!it.hasNext()) {
                throw new UsageException(opt + " needs a value");
            }
            return it.next();
        }

        private static int number(String opt, String v) throws UsageException {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException(opt + " needs a whole number, not '" + v + "'");
            }
        }

        private static ErrorCorrectionLevel level(String v) throws UsageException {
            try {
                return ErrorCorrectionLevel.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--ec must be L, M, Q or H, not '" + v + "'");
            }
        }
    }
}
