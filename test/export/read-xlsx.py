"""Reads a workbook with openpyxl (as a second, independent reader) and prints it as JSON.

Per sheet: name, frozen cell, auto-filter range, rows repeated on printed pages, conditional-format
ranges, every cell as [value, data_type, number_format] and the cells whose format is quote-prefixed
(Excel's hidden apostrophe: the cell stays text when edited); plus the text of every XML part in the
zip, for scans.
"""
import datetime
import json
import sys
import zipfile

import openpyxl


def cell(c):
    v = c.value
    if isinstance(v, (datetime.datetime, datetime.date)):
        v = v.isoformat()
    return [v, c.data_type, c.number_format]


def main(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        sheets.append({
            'name': ws.title,
            'freeze': ws.freeze_panes,
            'filter': ws.auto_filter.ref,
            'printTitles': ws.print_title_rows,
            'conditional': [str(cf.sqref) for cf in ws.conditional_formatting],
            'landscape': ws.page_setup.orientation == 'landscape',
            'rows': [[cell(c) for c in row] for row in ws.iter_rows()],
            'quoted': [c.coordinate for row in ws.iter_rows() for c in row if getattr(c, 'quotePrefix', False)],
        })
    with zipfile.ZipFile(path) as z:
        xml = {n: z.read(n).decode('utf-8') for n in z.namelist() if n.endswith(('.xml', '.rels'))}
    json.dump({'sheets': sheets, 'xml': xml}, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main(sys.argv[1])
