"""Writes the hostile and clumsy input files of issue 13, one folder per case, for benchmarks/hostile-inputs.sh.
Usage: python3 benchmarks/hostile-inputs.py OUTDIR   (prints one line per case: name<TAB>path[;path...])"""
import os, sys, zipfile

out = sys.argv[1]
STREET = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
FUNDING = "financial_year,funder,funding_stream,recipient,recipient_type,commissioned_service,area_served,commissioning_model,budget_arrangement,amount_allocated,amount_spent,source,source_url,notes"
FUNDING_LINE = ["2025/26", "Office of the Kent PCC", "Crime Reduction Grant", "Ashford Community Safety Partnership", "partnership",
                "Projects", "E07000105", "strategic", "grant", "1000.00", "900.00", "illustrative", "", ""]

def crime(i, month="2025-01"):
    return f"c{i},{month},Kent Police,Kent Police,0.970011,51.253133,On or near Cobbs Hill,E01023987,Ashford 001B,Burglary,Unable to prosecute suspect,"

def folder(name):
    path = os.path.join(out, name)
    os.makedirs(path, exist_ok=True)
    return path

def write(name, file_name, data):
    path = os.path.join(folder(name), file_name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path

def col(n):  # 0 -> A
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s

def xlsx(path, sheet_name, rows_xml_chunks, compress=zipfile.ZIP_DEFLATED):
    """A minimal workbook of one sheet; rows_xml_chunks yields the <row> elements' XML."""
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for chunk in rows_xml_chunks:
                sheet.write(chunk.encode())
            sheet.write(b"</sheetData></worksheet>")
    return path

def row(number, values, formula_at=None):
    cells = []
    for i, v in enumerate(values):
        ref = f"{col(i)}{number}"
        if formula_at == i:
            cells.append(f'<c r="{ref}"><f>SUM(Z1:Z9)</f></c>')
        elif v != "":
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
    return f'<row r="{number}">' + "".join(cells) + "</row>"

cases = {}
# Rows without cell references repeat byte for byte, so the sheet deflates about 340 times, as in the issue.
plain_row = "<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in FUNDING_LINE) + "</row>"
cases["header with 1,000,000 fields (2 MB)"] = write("header-1m-fields", "2025-01-kent-street.csv", ",".join(["x"] * 1_000_000) + "\n" + crime(1) + "\n")
cases["data line with 50,000 extra fields"] = write("line-50k-extra-fields", "2025-01-kent-street.csv",
    STREET + "\n" + crime(1) + "\n" + crime(2) + ",x" * 50_000 + "\n" + crime(3) + "\n")
p = os.path.join(folder("line-over-128mb"), "2025-01-kent-street.csv")
with open(p, "wb") as f:
    f.write((STREET + "\n" + crime(1) + "\n" + crime(2)).encode())
    block = b"x" * (1 << 20)
    for _ in range(130):
        f.write(block)
    f.write(("\n" + crime(3) + "\n" + crime(4, month="2031-01") + "\n").encode())
cases["one line of 130 MB, a bad row after it"] = p
lines = [STREET] + [crime(i) for i in range(2, 120)]
lines[100] = crime(101, month="2031-01")  # line 101 is bad
ends = ["\n", "\r\n", "\r"]
cases["mixed LF, CRLF, CR; bad row on line 101"] = write("mixed-line-endings", "2025-01-kent-street.csv",
    "".join(line + ends[i % 3] for i, line in enumerate(lines)))
cases["population CSV, last line ending differs"] = write("population-last-line-ending", "ons_mye_mid2023_ew_by_geography.csv",
    "Code,Name,Geography,All ages\r\nE07000105,Ashford,Non-metropolitan District,135000\r\nE07000106,Canterbury,Non-metropolitan District,157000\n")
cases["extra empty trailing fields"] = write("trailing-empty-fields", "2025-01-kent-street.csv",
    STREET + "\n" + crime(1) + "\n" + crime(2) + ",,,\n")
cases["xlsx whose sheet inflates to ~313 MB"] = xlsx(os.path.join(folder("xlsx-inflated"), "funding.xlsx"), "Funding return",
    [row(1, FUNDING.split(","))] + [plain_row] * 500_000)
cases["2 KB xlsx, one cell in column PZZZZZ"] = xlsx(os.path.join(folder("xlsx-column-pzzzzz"), "funding.xlsx"), "Funding return",
    [row(1, FUNDING.split(",")), '<row r="2"><c r="PZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'])
dup = os.path.join(folder("zip-duplicate-entry"), "police.zip")
with zipfile.ZipFile(dup, "w", zipfile.ZIP_DEFLATED) as z:
    import warnings; warnings.simplefilter("ignore")
    z.writestr("2025-01/2025-01-kent-street.csv", STREET + "\n" + "\n".join(crime(i) for i in range(295)) + "\n")
    z.writestr("2025-01/2025-01-kent-street.csv", STREET + "\n" + "\n".join(crime(i) for i in range(1000, 1005)) + "\n")
cases["zip with two entries of the same name"] = dup
cases["force name in capitals (KENT)"] = write("force-case", "2025-01-KENT-street.csv", STREET + "\n" + crime(1) + "\n")
cases["unknown force (kentt)"] = write("force-unknown", "2025-01-kentt-street.csv", STREET + "\n" + crime(1) + "\n")
text = STREET + "\r\n" + crime(1) + "\r\n"
cases["UTF-16 with BOM"] = write("utf16-bom", "2025-01-kent-street.csv", text.encode("utf-16"))
cases["UTF-16 without BOM"] = write("utf16-no-bom", "2025-01-kent-street.csv", text.encode("utf-16-le"))
cases["xlsx formula with no saved value"] = xlsx(os.path.join(folder("xlsx-formula"), "funding.xlsx"), "Funding return",
    [row(1, FUNDING.split(",")), row(2, FUNDING_LINE, formula_at=9)])
cases["xlsx without the 'Funding return' sheet"] = xlsx(os.path.join(folder("xlsx-no-sheet"), "funding.xlsx"), "Sheet1",
    [row(1, FUNDING.split(",")), row(2, FUNDING_LINE)])
# Not hostile, only big: a run loading it is stopped with SIGTERM (hostile-inputs.sh times how long the stop takes).
big = os.path.join(folder("stop-mid-load"), "2025-01-kent-street.csv")
with open(big, "w") as f:
    f.write(STREET + "\n")
    for i in range(0, 800_000, 1000):
        f.write("".join(crime(f"{j:012x}5f2c6eaa3d7b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9") + "\n" for j in range(i, i + 1000)))
for name, path in cases.items():
    print(f"{name}\t{path}")
