import sys, datetime; sys.path.insert(0,'.'); sys.path.insert(0,'py')
from build_tables import ROWS
from openpyxl import Workbook
H = ['序号','重点任务','牵头单位','配合单位','完成时限']
def save(wb, name): wb.save('cases/' + name)
# 05a control: one sheet, header in row 1
wb = Workbook(); ws = wb.active; ws.title = '任务分工'
ws.append(H)
for i,r in enumerate(ROWS): ws.append([str(i+1)] + list(r))
save(wb, '05a-xlsx-control.xlsx')
# 05b: title row above header, numbers as numbers, dates as dates
wb = Workbook(); ws = wb.active
ws.append(['某市对接RCEP经贸新规则推进高水平开放重点任务分工表']); ws.merge_cells('A1:E1')
ws.append(H)
dates = [datetime.date(2023,6,30), datetime.date(2023,12,31), datetime.date(2023,9,30), datetime.date(2024,6,30), datetime.date(2024,12,31), datetime.date(2023,12,31)]
for i,r in enumerate(ROWS):
    ws.append([i+1, r[0], r[1], r[2], dates[i]])
    ws.cell(row=ws.max_row, column=5).number_format = 'yyyy"年"m"月"d"日"'
save(wb, '05b-xlsx-title-numbers-dates.xlsx')
# 05b2: dates with default format (yyyy-mm-dd)
wb = Workbook(); ws = wb.active
ws.append(H)
for i,r in enumerate(ROWS):
    ws.append([i+1, r[0], r[1], r[2], dates[i]])
save(wb, '05b2-xlsx-dates-default-format.xlsx')
# 05c: two sheets, second is a header-less continuation
wb = Workbook(); ws = wb.active; ws.title = '第1页'
ws.append(H)
for i,r in enumerate(ROWS[:3]): ws.append([i+1] + list(r))
ws2 = wb.create_sheet('第2页')
for i,r in enumerate(ROWS[3:]): ws2.append([i+4] + list(r))
save(wb, '05c-xlsx-two-sheets-headerless-continuation.xlsx')
# 05c2: two sheets, both with header
wb = Workbook(); ws = wb.active; ws.title = '货物贸易'
ws.append(H)
for i,r in enumerate(ROWS[:3]): ws.append([i+1] + list(r))
ws2 = wb.create_sheet('服务贸易'); ws2.append(H)
for i,r in enumerate(ROWS[3:]): ws2.append([i+4] + list(r))
save(wb, '05c2-xlsx-two-sheets-with-headers.xlsx')
# 05d: two tables side by side on one sheet (A-E and G-K)
wb = Workbook(); ws = wb.active
ws.append(H + [''] + H)
for i in range(3):
    ws.append([i+1] + list(ROWS[i]) + [None] + [i+4] + list(ROWS[i+3]))
save(wb, '05d-xlsx-two-tables-side-by-side.xlsx')
# 05e: merged lead cells
wb = Workbook(); ws = wb.active
ws.append(H)
for i,r in enumerate(ROWS): ws.append([i+1, r[0], r[1] if i in (0,3) else None, r[2], r[3]])
ws['C2'] = '市商务局'; ws['C5'] = '市市场监管局'
ws.merge_cells('C2:C4'); ws.merge_cells('C5:C7')
save(wb, '05e-xlsx-merged-lead.xlsx')
# 05f: two tables stacked on one sheet with a blank row and a section title between
wb = Workbook(); ws = wb.active
ws.append(['一、货物贸易']); ws.append(H)
for i,r in enumerate(ROWS[:3]): ws.append([i+1] + list(r))
ws.append([]); ws.append(['二、服务贸易']); ws.append(H)
for i,r in enumerate(ROWS[3:]): ws.append([i+4] + list(r))
save(wb, '05f-xlsx-two-tables-stacked.xlsx')
# 05g: header in row 3 after two title/notes rows with 2 values each
wb = Workbook(); ws = wb.active
ws.append(['附件1', None, None, None, '填报单位：市商务局'])
ws.append(['某市对接RCEP重点任务分工表', None, None, None, '2023年3月'])
ws.append(H)
for i,r in enumerate(ROWS): ws.append([i+1] + list(r))
save(wb, '05g-xlsx-two-value-rows-above-header.xlsx')
# 05h: multi-line header (2 rows: 责任单位 spanning 牵头/配合)
wb = Workbook(); ws = wb.active
ws.append(['序号','重点任务','责任单位',None,'完成时限'])
ws.append([None,None,'牵头单位','配合单位',None])
ws.merge_cells('C1:D1'); ws.merge_cells('A1:A2'); ws.merge_cells('B1:B2'); ws.merge_cells('E1:E2')
for i,r in enumerate(ROWS): ws.append([i+1] + list(r))
save(wb, '05h-xlsx-two-row-header.xlsx')
# 05i: shared strings vs inline: task text with newline inside a cell + lead in cell with newline list
wb = Workbook(); ws = wb.active
ws.append(H)
for i,r in enumerate(ROWS): ws.append([i+1, r[0].replace('。','。\n',1), r[1], r[2].replace('、','\n'), r[3]])
save(wb, '05i-xlsx-newlines-in-cells.xlsx')
# 05j: hidden sheet first, then the table
wb = Workbook(); ws = wb.active; ws.title='说明'; ws.append(['填表说明：请按要求填写']); ws.sheet_state='hidden'
ws2 = wb.create_sheet('任务'); ws2.append(H)
for i,r in enumerate(ROWS): ws2.append([i+1] + list(r))
save(wb, '05j-xlsx-hidden-first-sheet.xlsx')
# 05k: header row with the 序号 column missing and the table starting at column C
wb = Workbook(); ws = wb.active
ws['C3'] = '重点任务'; ws['D3']='牵头单位'; ws['E3']='配合单位'; ws['F3']='完成时限'
for i,r in enumerate(ROWS):
    for j,v in enumerate(r): ws.cell(row=4+i, column=3+j, value=v)
save(wb, '05k-xlsx-offset-no-xuhao.xlsx')
