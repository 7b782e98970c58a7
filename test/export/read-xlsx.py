"""Reads a workbook with openpyxl (as a second, independent reader) and prints it as JSON.

Per sheet: name, frozen cell, auto-filter range, rows repeated on printed pages, conditional-format
ranges, every cell as [value, data_type, number_format, wraps] and the cells whose format is
quote-prefixed (Excel's hidden apostrophe: the cell stays text when edited); its print layout (paper,
orientation, fit to pages), column widths and merged ranges; plus the text of every XML part in the
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
    return [v, c.data_type, c.number_format, bool(c.alignment.wrap_text)]


def widths(ws):
    """Width of each column 1..max_column; a <col> element may cover several (openpyxl keys it by its first)."""
    out = [None] * ws.max_column
    for dim in ws.column_dimensions.values():
        if dim.min is None or dim.width is None:
            continue
        for c in range(dim.min, min(dim.max, ws.max_column) + 1):
            out[c - 1] = dim.width
    return out


def layout(ws):
    ps = ws.page_setup
    props = ws.sheet_properties.pageSetUpPr
    return {
        'paperSize': int(ps.paperSize) if ps.paperSize is not None else None,
        'orientation': ps.orientation,
        'fitToPage': bool(props.fitToPage) if props is not None else False,
        'fitToWidth': int(ps.fitToWidth) if ps.fitToWidth is not None else 1,
        'fitToHeight': int(ps.fitToHeight) if ps.fitToHeight is not None else 1,
    }


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
            'widths': widths(ws),
            'merges': [[m.min_row, m.min_col, m.max_row, m.max_col] for m in ws.merged_cells.ranges],
            'page': layout(ws),
        })
    with zipfile.ZipFile(path) as z:
        xml = {n: z.read(n).decode('utf-8') for n in z.namelist() if n.endswith(('.xml', '.rels'))}
    json.dump({'sheets': sheets, 'xml': xml}, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main(sys.argv[1])
