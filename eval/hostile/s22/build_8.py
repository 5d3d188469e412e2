import sys, re; sys.path.insert(0,'.')
from mkdocx import *
from build_docx import TASKS, TITLE, PRE
from build_tables import ROWS
H = ['序号','重点任务','牵头单位','配合单位','完成时限']
def typed_items(missing=(1,4)):
    out = [para('一、重点任务'), para('（一）大力发展货物贸易')]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('（二）推进服务贸易升级'))
        out.append(para('%d.' % (i+1) + t + ('' if i in missing else c)))
    return out
TAIL = [para('二、保障措施'), para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。')]
# 08a: docx table split in two w:tbl (page break between), second without header
t1 = table([H] + [[str(i+1)] + list(r) for i,r in enumerate(ROWS[:3])])
t2 = table([[str(i+4)] + list(r) for i,r in enumerate(ROWS[3:])])
write('cases/08a-docx-table-split-second-headerless.docx', para(TITLE) + para(PRE) + para('附件：重点任务分工表') + t1 + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + t2)
# 08b: tasks inside a text box (mc:AlternateContent / w:txbxContent)
def txbx(inner):
    return ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
            '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>') % (inner, inner)
items = typed_items()
write('cases/08b-docx-section-two-in-textbox.docx', para(TITLE) + para(PRE) + ''.join(items[:5]) + txbx(''.join(items[5:])) + ''.join(TAIL))
# 08c: content controls (w:sdt) wrapping paragraphs (block-level) and runs (inline)
def sdt_block(x): return '<w:sdt><w:sdtPr><w:alias w:val="任务"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % x
def p_runs(*runs): return '<w:p>' + ''.join(runs) + '</w:p>'
def r(t): return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(t)
def sdt_inline(x): return '<w:sdt><w:sdtPr/><w:sdtContent>%s</w:sdtContent></w:sdt>' % x
body = [para(TITLE), para(PRE), para('一、重点任务'), para('（一）大力发展货物贸易')]
for i,(t,c,lead) in enumerate(TASKS):
    if i == 3: body.append(para('（二）推进服务贸易升级'))
    m = re.match(r'（(.+?)(牵头.*)', c)
    if i in (1,4): body.append(sdt_block(para('%d.' % (i+1) + t)))
    else: body.append(sdt_block(p_runs(r('%d.' % (i+1) + t + '（'), sdt_inline(r(m.group(1))), r(m.group(2)))))
write('cases/08c-docx-content-controls.docx', ''.join(body) + ''.join(TAIL))
# 08d: hyperlink / smartTag / customXml wrapping the lead name; number typed then w:tab
body = [para(TITLE), para(PRE), para('一、重点任务'), para('（一）大力发展货物贸易')]
wr = ['<w:hyperlink r:id="rIdX">%s</w:hyperlink>', '<w:smartTag w:uri="urn:x" w:element="place">%s</w:smartTag>', '<w:customXml w:element="unit">%s</w:customXml>', '<w:ins w:id="9" w:author="a">%s</w:ins>', '<w:fldSimple w:instr=" MERGEFIELD 牵头单位 ">%s</w:fldSimple>', '<w:bdo w:val="ltr">%s</w:bdo>']
for i,(t,c,lead) in enumerate(TASKS):
    if i == 3: body.append(para('（二）推进服务贸易升级'))
    m = re.match(r'（(.+?)(牵头.*)', c)
    body.append(p_runs(r('%d.' % (i+1)), '<w:r><w:tab/></w:r>', r(t + '（'), wr[i] % r(m.group(1)), r(m.group(2))))
write('cases/08d-docx-wrapped-lead-runs-and-tab.docx', ''.join(body) + ''.join(TAIL))
# 08e: SEQ complex field numbering: the number is a field result, instrText must not be read
def seqp(text, n):
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ 任务 \\* ARABIC </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>' + str(n) + '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' + r('.' + text) + '</w:p>')
body = [para(TITLE), para(PRE), para('一、重点任务'), para('（一）大力发展货物贸易')]
for i,(t,c,lead) in enumerate(TASKS):
    if i == 3: body.append(para('（二）推进服务贸易升级'))
    body.append(seqp(t + ('' if i in (1,4) else c), i+1))
write('cases/08e-docx-seq-field-numbers.docx', ''.join(body) + ''.join(TAIL))
# 08f: altChunk: the task section is an embedded HTML chunk
html = '<html><body>' + ''.join('<p>%s</p>' % x for x in ['（二）推进服务贸易升级'] + ['%d.' % (i+4) + t + ('' if i == 1 else c) for i,(t,c,l) in enumerate(TASKS[3:])]) + '</body></html>'
items = typed_items()
docrels = DOCRELS.replace('</Relationships>', '<Relationship Id="rIdAC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>')
import zipfile
def write_ac(path):
    doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s<w:altChunk r:id="rIdAC"/>%s<w:sectPr/></w:body></w:document>' % (W, para(TITLE) + para(PRE) + ''.join(items[:5]), ''.join(TAIL))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT.replace('</Types>', '<Default Extension="html" ContentType="text/html"/></Types>'))
        z.writestr('_rels/.rels', RELS); z.writestr('word/_rels/document.xml.rels', docrels)
        z.writestr('word/document.xml', doc); z.writestr('word/numbering.xml', NUMBERING); z.writestr('word/styles.xml', STYLES)
        z.writestr('word/chunk.html', html)
write_ac('cases/08f-docx-altchunk-section.docx')
# 08g: nested task table inside a 2-row layout table cell
inner = table([H] + [[str(i+1)] + list(r) for i,r in enumerate(ROWS)])
outer = '<w:tbl><w:tblPr/><w:tr><w:tc>%s</w:tc></w:tr><w:tr><w:tc>%s%s</w:tc></w:tr></w:tbl>' % (para('附件：重点任务分工表'), inner, para(''))
write('cases/08g-docx-task-table-nested-in-2row-frame.docx', para(TITLE) + para(PRE) + outer)
# 08h: table with gridBefore (row indented) and a w:tcPr/hMerge old-style merge
rows = [[str(i+1)] + list(r) for i,r in enumerate(ROWS)]
def trg(cells, before=False):
    pre = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>' if before else ''
    return '<w:tr>' + pre + ''.join(cell(c) for c in cells) + '</w:tr>'
tb = '<w:tbl><w:tblPr/>' + trg(['']+H) + ''.join(trg(r, before=True) for r in rows) + '</w:tbl>'
write('cases/08h-docx-table-gridbefore.docx', para(TITLE) + para(PRE) + tb)
# 08i: docx whose body is typed-number items but the attachment table uses w:vMerge for lead
def vcell(text, vm=None):
    pr = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' if vm == 'restart' else ('<w:tcPr><w:vMerge/></w:tcPr>' if vm == 'cont' else '')
    return '<w:tc>%s%s</w:tc>' % (pr, para(text))
trs = '<w:tr>' + ''.join(vcell(h) for h in H) + '</w:tr>'
for i,r in enumerate(ROWS):
    lead = vcell(r[1] if i in (0,3) else '', 'restart' if i in (0,3) else 'cont')
    trs += '<w:tr>' + vcell(str(i+1)) + vcell(r[0]) + lead + vcell(r[2]) + vcell(r[3]) + '</w:tr>'
write('cases/08i-docx-vmerge-lead.docx', para(TITLE) + para(PRE) + '<w:tbl><w:tblPr/>' + trs + '</w:tbl>')
items = typed_items(missing=())
def write_ac2(path):
    html2 = '<html><body>' + ''.join('<p>%s</p>' % x for x in ['（二）推进服务贸易升级'] + ['%d.' % (i+4) + t for i,(t,c,l) in enumerate(TASKS[3:])]) + '</body></html>'
    doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s<w:altChunk r:id="rIdAC"/>%s<w:sectPr/></w:body></w:document>' % (W, para(TITLE) + para(PRE) + ''.join(items[:5]), ''.join(TAIL))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT.replace('</Types>', '<Default Extension="html" ContentType="text/html"/></Types>'))
        z.writestr('_rels/.rels', RELS); z.writestr('word/_rels/document.xml.rels', docrels)
        z.writestr('word/document.xml', doc); z.writestr('word/numbering.xml', NUMBERING); z.writestr('word/styles.xml', STYLES)
        z.writestr('word/chunk.html', html2)
write_ac2('cases/08f2-docx-altchunk-section-unclaused-items.docx')
# 08j: task table whose 序号 column is Word auto-numbered (empty text + numPr)
def numcell(): return '<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:tc>'
trs = '<w:tr>' + ''.join(cell(h) for h in H) + '</w:tr>'
for i,r in enumerate(ROWS):
    trs += '<w:tr>' + numcell() + ''.join(cell(c) for c in r) + '</w:tr>'
write('cases/08j-docx-table-autonumbered-xuhao.docx', para(TITLE) + para(PRE) + para('附件：重点任务分工表') + '<w:tbl><w:tblPr/>' + trs + '</w:tbl>')
# 08j2: same, and two rows lack a lead (empty lead cell)
trs = '<w:tr>' + ''.join(cell(h) for h in H) + '</w:tr>'
for i,r in enumerate(ROWS):
    rr = list(r)
    if i in (1,4): rr[1] = ''
    trs += '<w:tr>' + numcell() + ''.join(cell(c) for c in rr) + '</w:tr>'
write('cases/08j2-docx-table-autonumbered-xuhao-two-empty-leads.docx', para(TITLE) + para(PRE) + para('附件：重点任务分工表') + '<w:tbl><w:tblPr/>' + trs + '</w:tbl>')
body3 = [para(TITLE), para(PRE), para('一、工作目标'), para('到2024年底，全市对RCEP成员国进出口额年均增长10%以上。（市商务局牵头，各区县政府配合；2024年底前完成）'), para('二、保障措施'), para('（一）加强组织领导。成立工作专班，统筹推进各项工作。（市商务局牵头，市发展改革委配合；2023年3月底前完成）'), para('（二）强化督促检查。定期通报工作进展。（市政府督查室牵头；长期坚持）')]
write('cases/08g2-docx-body-tasks-plus-nested-task-table.docx', ''.join(body3) + outer)
# 08l: one-column table, one task paragraph per row (boxed list), items 2,5 lack clauses
trs = ''.join('<w:tr>%s</w:tr>' % cell('%d.' % (i+1) + t + ('' if i in (1,4) else c)) for i,(t,c,l) in enumerate(TASKS))
write('cases/08l-docx-one-column-table-of-items.docx', para(TITLE) + para(PRE) + para('一、重点任务') + '<w:tbl><w:tblPr/>' + trs + '</w:tbl>' + ''.join(TAIL))
# 08m: two-column table: left 序号 right 任务 text with clause, no header
trs = ''.join('<w:tr>%s%s</w:tr>' % (cell(str(i+1)), cell(t + ('' if i in (1,4) else c))) for i,(t,c,l) in enumerate(TASKS))
write('cases/08m-docx-two-column-table-no-header.docx', para(TITLE) + para(PRE) + para('一、重点任务') + '<w:tbl><w:tblPr/>' + trs + '</w:tbl>' + ''.join(TAIL))
# 08n: task table with header row repeated mid-table (pasted from PDF pages)
rows = [H] + [[str(i+1)] + list(r) for i,r in enumerate(ROWS[:3])] + [H] + [[str(i+4)] + list(r) for i,r in enumerate(ROWS[3:])]
write('cases/08n-docx-header-row-repeated-mid-table.docx', para(TITLE) + para(PRE) + table(rows))
# 08o: task cell with two paragraphs; lead cell with two units on two paragraphs
rows = [H] + [[str(i+1), r[0].replace('。', '。\n', 1), r[1], r[2], r[3]] for i,r in enumerate(ROWS)]
write('cases/08o-docx-multi-paragraph-cells.docx', para(TITLE) + para(PRE) + table(rows))
