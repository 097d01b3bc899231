package vn.temso.imports.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Tells the uploaded file's format from its first bytes, never from its name or the client's content type. */
public final class Spreadsheets {

    public enum Format {
        XLSX,
        CSV,
        KML,
        GEOJSON
    }

    private Spreadsheets() {}

    public static Format sniff(Path file, Locale locale) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.XLSX;
        }
        if (head.length >= 4
                && (head[0] & 0xff) == 0xd0
                && (head[1] & 0xff) == 0xcf
                && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xe0) {
            throw FileProblem.oldExcel(locale);
        }
        for (byte b : head) {
            if (b == 0 || (b >= 1 && b < 9) || (b > 13 && b < 32 && b != 27)) {
                throw FileProblem.unsupported(locale); // control bytes: an image, a PDF stream, a binary
            }
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading();
        if (text.startsWith("<")) {
            return Format.KML;
        }
        if (text.startsWith("{")) {
            return Format.GEOJSON;
        }
        if (text.startsWith("%PDF")) {
            throw FileProblem.unsupported(locale);
        }
        return Format.CSV;
    }

    /** The rows of a sheet file (.xlsx or CSV). */
    public static RowSource rows(Path file, Format format, Locale locale) {
        return switch (format) {
            case XLSX -> new XlsxRows(file, locale);
            case CSV -> new CsvRows(file, locale);
            default -> throw FileProblem.unsupported(locale);
        };
    }
}
