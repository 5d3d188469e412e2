import sys, re, zipfile; sys.path.insert(0,'.'); sys.path.insert(0,'py')
from mkdocx import *
from build_docx import TASKS, TITLE, PRE
from build_tables import ROWS
H = ['序号','重点任务','牵头单位','配合单位','完成时限']
def Wt(name, s): open('cases/' + name, 'w', encoding='utf-8').write(s)
# docx gridSpan huge, vMerge continue without restart
trs = '<w:tr>' + ''.join(cell(h) for h in H) + '</w:tr>'
for i,r in enumerate(ROWS):
    cells = [str(i+1)] + list(r)
    tcs = ''.join(cell(c) for c in cells)
    if i == 1: tcs = '<w:tc><w:tcPr><w:gridSpan w:val="4294967295"/></w:tcPr>%s</w:tc>' % para(cells[0]) + ''.join(cell(c) for c in cells[1:])
    if i == 2: tcs = '<w:tc><w:tcPr><w:vMerge/></w:tcPr>%s</w:tc>' % para('') + ''.join(cell(c) for c in cells[1:])
    if i == 3: tcs = '<w:tc><w:tcPr><w:gridSpan w:val="-3"/></w:tcPr>%s</w:tc>' % para(cells[0]) + ''.join(cell(c) for c in cells[1:])
    trs += '<w:tr>' + tcs + '</w:tr>'
write('cases/09a-docx-gridspan-huge-negative-vmerge-orphan.docx', para(TITLE) + para(PRE) + '<w:tbl><w:tblPr/>' + trs + '</w:tbl>')
# html: rowspan/colspan huge, deeply nested tables
rows = ''.join('<tr><td>%d</td><td>%s</td><td rowspan="%s">%s</td><td colspan="%s">%s</td><td>%s</td></tr>' % (i+1, r[0], '2147483647' if i==0 else '1', r[1], '99999999' if i==1 else '1', r[2], r[3]) for i,r in enumerate(ROWS))
Wt('09b-html-huge-rowspan-colspan.html', '<html><head><meta charset="utf-8"></head><body><h1>%s</h1><table><tr>%s</tr>%s</table></body></html>' % (TITLE, ''.join('<th>%s</th>' % h for h in H), rows))
Wt('09c-html-nested-tables-2000-deep.html', '<html><head><meta charset="utf-8"></head><body><h1>%s</h1>' % TITLE + '<table><tr><td>' * 2000 + '1.扩大优势产品出口。（市商务局牵头）' + '</td></tr></table>' * 2000 + '</body></html>')
Wt('09c2-html-unclosed-tags-50000.html', '<html><head><meta charset="utf-8"></head><body><h1>%s</h1>' % TITLE + '<div><span><b>' * 50000 + '<p>1.扩大优势产品出口。（市商务局牵头；2023年底前完成）</p>' + '</body></html>')
Wt('09d-md-table-5000-columns.md', '# %s\n\n| 序号 | 重点任务 | 牵头单位 |' % TITLE + ' x |' * 5000 + '\n|' + '---|' * 5003 + '\n' + ''.join('| %d | %s | %s |' % (i+1, r[0], r[1]) + ' |' * 5000 + '\n' for i,r in enumerate(ROWS)))
# xlsx with reversed merge ranges and huge cell refs (hand-built)
from openpyxl import Workbook
wb = Workbook(); ws = wb.active; ws.append(H)
for i,r in enumerate(ROWS): ws.append([i+1] + list(r))
wb.save('cases/09e-xlsx-base.xlsx')
z = zipfile.ZipFile('cases/09e-xlsx-base.xlsx'); parts = {n: z.read(n) for n in z.namelist()}; z.close()
sheet = parts['xl/worksheets/sheet1.xml'].decode()
sheet = sheet.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末尾</t></is></c></row></sheetData><mergeCells count="3"><mergeCell ref="C5:C2"/><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B3"/></mergeCells>')
parts['xl/worksheets/sheet1.xml'] = sheet.encode()
with zipfile.ZipFile('cases/09e-xlsx-reversed-and-whole-sheet-merges.xlsx', 'w') as z:
    for n, b in parts.items(): z.writestr(n, b)
import os; os.remove('cases/09e-xlsx-base.xlsx')
# docx: document.xml with a DOCTYPE entity expansion (billion laughs)
lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
doc = lol + '<w:document %s><w:body>%s<w:p><w:r><w:t>1.扩大优势产品出口&lol9;（市商务局牵头）</w:t></w:r></w:p></w:body></w:document>' % (W, para(TITLE))
with zipfile.ZipFile('cases/09f-docx-billion-laughs.docx', 'w') as z:
    z.writestr('[Content_Types].xml', CT); z.writestr('_rels/.rels', RELS); z.writestr('word/document.xml', doc)
# html with billion laughs-ish numeric entities & huge entity
Wt('09g-html-ol-items.html', '<html><head><meta charset="utf-8"></head><body><div class="article"><h1>%s</h1><p>%s</p><p>一、重点任务</p><ol>%s</ol><p>二、保障措施</p><p>各部门要加强组织领导。</p></div></body></html>' % (TITLE, PRE, ''.join('<li>%s</li>' % (t + ('' if i in (1,4) else c)) for i,(t,c,l) in enumerate(TASKS))))
Wt('09g2-html-ol-start-type.html', '<html><head><meta charset="utf-8"></head><body><div class="article"><h1>%s</h1><p>%s</p><p>一、重点任务</p><ol type="a">%s</ol><ol start="4" type="I">%s</ol><p>二、保障措施</p><p>各部门要加强组织领导。</p></div></body></html>' % (TITLE, PRE, ''.join('<li>%s</li>' % (t + ('' if i in (1,4) else c)) for i,(t,c,l) in enumerate(TASKS[:3])), ''.join('<li>%s</li>' % (t + ('' if i+3 in (1,4) else c)) for i,(t,c,l) in enumerate(TASKS[3:]))))
Wt('09h-md-ordered-list-lazy-1s.md', '# %s\n\n%s\n\n## 一、重点任务\n\n' % (TITLE, PRE) + ''.join('1. %s\n' % (t + ('' if i in (1,4) else c)) for i,(t,c,l) in enumerate(TASKS)) + '\n## 二、保障措施\n\n各部门要加强组织领导。\n')
Wt('09h2-md-bullet-list.md', '# %s\n\n%s\n\n## 一、重点任务\n\n' % (TITLE, PRE) + ''.join('* %s\n' % (t + ('' if i in (1,4) else c)) for i,(t,c,l) in enumerate(TASKS)) + '\n## 二、保障措施\n\n各部门要加强组织领导。\n')
