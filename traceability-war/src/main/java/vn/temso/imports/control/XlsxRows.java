package vn.temso.imports.control;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx workbook, streamed with POI's SAX reader ({@link XSSFReader}): only the shared strings
 * are held in memory, never the sheet. Date cells come out as ISO dates (times as ISO date-times), numbers as plain
 * decimals (a GTIN typed as a number stays all digits), everything else as Excel shows it.
 */
final class XlsxRows implements RowSource {

    private final Path file;
    private final Locale locale;

    XlsxRows(Path file, Locale locale) {
        this.file = file;
        this.locale = locale;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw FileProblem.damaged(locale);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, new Rows(handler), new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw FileProblem.damaged(locale);
        } catch (UnsupportedFileFormatException | POIXMLException | OpenXML4JRuntimeException e) {
            throw FileProblem.damaged(locale);
        }
    }

    /** Collects the cells of one row (blank cells are absent in the XML) and hands the row over at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            if (col < cells.size()) {
                cells.set(col, value == null ? "" : value);
            } else {
                cells.add(value == null ? "" : value);
            }
        }
    }

    /** Dates as ISO, numbers as plain decimals with Excel's 15 significant digits; text as it is. */
    static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return t.toLocalTime().equals(LocalTime.MIDNIGHT)
                        ? t.toLocalDate().toString()
                        : t.withNano(0).toString();
            }
            if ("@".equals(formatString)) {
                return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
            }
            return plain(value);
        }

        static String plain(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            return new BigDecimal(value, MathContext.DECIMAL64)
                    .round(new MathContext(15))
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }
}
