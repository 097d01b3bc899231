package vn.temso.stats.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as a file people open in a spreadsheet: headers and codes in words of the caller's language (Vietnamese
 * unless English is asked for; the UI's message bundle, keys {@code stats.col.*} and {@code enum.*}), text in NFC. CSV
 * is UTF-8 with a byte-order mark (Excel then reads the Vietnamese letters) and ISO dates; .xlsx is streamed (SXSSF)
 * with numbers as numbers and days as dates shown dd/MM/yyyy.
 */
public final class StatsFiles {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BUNDLE = "vn.temso.web.messages";

    private StatsFiles() {}

    /** The file's name: {@code temso-<report>-<from>-<to>.<ext>}, or without the days for a report of today. */
    public static String fileName(StatsTable t, String extension) {
        StatsRange r = t.filter().range();
        return "temso-" + t.report().id() + (t.report().ranged() ? "-" + r.from() + "-" + r.to() : "") + "."
                + extension;
    }

    public static void csv(StatsTable t, Locale locale, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        ResourceBundle words = words(locale);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT);
        printer.printRecord(headers(t.report(), words));
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                cells.add(v instanceof BigDecimal b ? b.toPlainString() : cell(t.report(), i, v, words));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    public static void xlsx(StatsTable t, Locale locale, OutputStream out) throws IOException {
        ResourceBundle words = words(locale);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            CellStyle day = wb.createCellStyle();
            day.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(
                    nfc(words.getString("stats.report." + t.report().id()))));
            Row head = sheet.createRow(0);
            List<String> headers = headers(t.report(), words);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int n = 1;
            for (List<Object> values : t.rows()) {
                Row r = sheet.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    Cell c = r.createCell(i);
                    if (v instanceof Number num) {
                        c.setCellValue(num.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(day);
                    } else {
                        c.setCellValue(cell(t.report(), i, v, words));
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** The column headers in words. */
    public static List<String> headers(Report report, ResourceBundle words) {
        return report.columns().stream()
                .map(c -> nfc(words.getString("stats.col." + c.id())))
                .toList();
    }

    /** A cell as text: a code as its words, anything else as itself (days ISO), NFC. */
    public static String cell(Report report, int column, Object v, ResourceBundle words) {
        if (v == null) {
            return "";
        }
        Class<?> codes = report.columns().get(column).codes();
        if (codes != null && v instanceof Enum<?> e) {
            String type = codes.getName()
                    .substring(codes.getPackageName().length() + 1)
                    .replace('$', '.');
            return nfc(words.getString("enum." + type + "." + e.name()));
        }
        return nfc(v.toString());
    }

    /** The UI's words in Vietnamese, or English when asked for. */
    public static ResourceBundle words(Locale locale) {
        Locale l = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        return ResourceBundle.getBundle(
                BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
