package vn.temso.imports.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The .xlsx template of each kind: the Vietnamese header row (required columns marked "*"), the English one below it
 * (the importer accepts either and skips the second), a note on every header cell, and a guide sheet. Code, GTIN and
 * date columns are text cells, so a spreadsheet program keeps leading zeros and does not turn 01/06/2027 into the 6th
 * of January.
 */
public final class Templates {

    private static final Set<String> TEXT_COLUMNS = Set.of(
            "code",
            "gtin",
            "lot",
            "zones",
            "zone",
            "clientId",
            "certUntil",
            "ocopDate",
            "ocopUntil",
            "harvestDate",
            "expiryDate",
            "at",
            "partyGln");

    private Templates() {}

    public static void write(ImportKind kind, OutputStream out) throws IOException {
        Locale vi = Locale.forLanguageTag("vi");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(kind.sheetName(vi));
            XSSFCellStyle head = wb.createCellStyle();
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
            head.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            XSSFCellStyle english = wb.createCellStyle();
            XSSFFont grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            english.setFont(grey);
            XSSFCellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CreationHelper helper = wb.getCreationHelper();
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            Row viRow = sheet.createRow(0);
            Row enRow = sheet.createRow(1);
            List<Column> columns = kind.columns();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                var cell = viRow.createCell(i);
                cell.setCellValue(c.vi() + (c.required() ? " *" : ""));
                cell.setCellStyle(head);
                var en = enRow.createCell(i);
                en.setCellValue(c.en());
                en.setCellStyle(english);
                ClientAnchor anchor = helper.createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(0);
                anchor.setRow2(6);
                Comment note = drawing.createCellComment(anchor);
                note.setString(helper.createRichTextString(c.noteVi() + "\n\n" + c.noteEn()));
                note.setAuthor("Temso");
                cell.setCellComment(note);
                sheet.setColumnWidth(i, Math.min(255, Math.max(14, c.vi().length() + 4)) * 256);
                if (TEXT_COLUMNS.contains(c.key())) {
                    sheet.setDefaultColumnStyle(i, text);
                }
            }
            sheet.createFreezePane(0, 2);
            guide(wb, kind, head);
            wb.write(out);
        }
    }

    private static void guide(XSSFWorkbook wb, ImportKind kind, XSSFCellStyle head) {
        XSSFSheet g = wb.createSheet("Hướng dẫn - Guide");
        String[] titles = {"Cột", "Column", "Bắt buộc / Required", "Giải thích", "Explanation"};
        Row top = g.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            var cell = top.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(head);
        }
        int r = 1;
        for (Column c : kind.columns()) {
            Row row = g.createRow(r++);
            row.createCell(0).setCellValue(c.vi());
            row.createCell(1).setCellValue(c.en());
            row.createCell(2).setCellValue(c.required() ? "Có / Yes" : "");
            row.createCell(3).setCellValue(c.noteVi());
            row.createCell(4).setCellValue(c.noteEn());
        }
        Row tip = g.createRow(r + 1);
        tip.createCell(0)
                .setCellValue("Nhập dữ liệu ở trang đầu, từ dòng 3. Ngày: dd/mm/yyyy. Số thập phân: 24,5 hoặc 24.5."
                        + " Có thể lưu thành CSV (UTF-8).");
        Row tipEn = g.createRow(r + 2);
        tipEn.createCell(0)
                .setCellValue("Fill in the first sheet from row 3. Dates: dd/mm/yyyy. Decimals: 24,5 or 24.5."
                        + " Saving as CSV (UTF-8) works too.");
        for (int i = 0; i < titles.length; i++) {
            g.setColumnWidth(i, (i >= 3 ? 70 : 26) * 256);
        }
    }
}
