#!/usr/bin/env python3
"""Writes the import benchmark's diary as an .xlsx workbook the way Excel writes one (every text a shared string).

Usage: make-diary-xlsx.py OUT.xlsx GTIN ZONE ROWS LOTS LOT_PREFIX
Written with the standard library's zipfile (the machine has no openpyxl): what bench/import.sh times is Temso
reading the workbook with Apache POI, not this writer. Same rows as the CSV of bench/import.sh, with their own
lots (LOT_PREFIX-0000...) and entry ids (NKX-...).
"""
import sys
import zipfile
from xml.sax.saxutils import escape

out, gtin, zone, rows, lots, prefix = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
HEADER = ["Mã GTIN sản phẩm", "Mã lô", "Mã nhật ký", "Công việc", "Thời gian", "Mã vùng trồng", "Người thực hiện",
          "Vật tư (thuốc, phân bón)", "Liều lượng", "Thời gian cách ly (ngày)", "Ghi chú"]
WORKS = ["Bón phân", "Tưới nước", "Phun thuốc BVTV", "Kiểm tra"]

strings, index = [], {}


def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]


def cell(ref, value):
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def row(number, values):
    cells = "".join(cell(f"{chr(ord('A') + i)}{number}", v) for i, v in enumerate(values) if v != "")
    return f'<row r="{number}">{cells}</row>'.encode("utf-8")


per = rows // lots
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>'.encode())
        sheet.write(row(1, HEADER))
        for i in range(rows):
            lot, k = i // per, i % per
            work = WORKS[k % 4]
            spray = work == "Phun thuốc BVTV"
            day, minute = 1 + (k // 24) % 28, k % 60
            sheet.write(row(i + 2, [
                gtin, f"{prefix}-{lot:04d}", f"NKX-{i:06d}", work,
                f"{day:02d}/{1 + k // 672 % 11:02d}/2026 {6 + k % 12:02d}:{minute:02d}", zone, "Nguyễn Văn An",
                "Validamycin 5SL" if spray else "NPK 20-20-15", "1 lít/ha", 7 if spray else "", f"Mục nhật ký số {i}"]))
        sheet.write(b"</sheetData></worksheet>")
    z.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{PKG}/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
               '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
               '</Types>')
    z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}/relationships">'
               f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
               '<sheets><sheet name="Nhật ký" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}/relationships">'
               f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    z.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{NS}">'
               '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
               '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>')
    z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(strings)}" '
               f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>")
