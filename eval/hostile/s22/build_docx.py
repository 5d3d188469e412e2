import sys; sys.path.insert(0, '.')
from mkdocx import *
TITLE = '某市对接RCEP经贸新规则推进高水平开放实施方案'
PRE = '为加快全面对接RCEP经贸新规则，全方位深化对外开放合作，结合我市实际，制定本方案。'
TASKS = [
 ('扩大优势产品出口。建立RCEP国别商品税率对比清单，深化企业对关税减让的理解掌握。', '（市商务局牵头，合肥海关配合；2023年6月底前完成）', '由市商务局牵头，合肥海关配合，'),
 ('积极扩大进口。扩大大宗商品进口规模，推动采购来源多元化，进口额年均增长10%以上。', '（市发展改革委牵头，市商务局配合；2023年底前完成）', '由市发展改革委牵头，市商务局配合，'),
 ('用好原产地规则。加强小微企业原产地证书申领培训，全年培训企业500家以上。', '（市贸促会牵头，市市场监管局配合；2023年9月底前完成）', '由市贸促会牵头，市市场监管局配合，'),
 ('深化服务贸易合作。探索跨境服务贸易负面清单管理，逐步放宽限制性措施。', '（市商务局牵头，市司法局配合；2024年6月底前完成）', '由市商务局牵头，市司法局配合，'),
 ('大力发展数字贸易。推动通信、5G等信息技术服务外包扩大境外市场。', '（市经济和信息化局牵头，市通信管理办配合；2024年底前完成）', '由市经济和信息化局牵头，市通信管理办配合，'),
 ('加强知识产权保护。完善知识产权保护体系，推动建立海外维权援助机制。', '（市市场监管局牵头，市公安局配合；2023年底前完成）', '由市市场监管局牵头，市公安局配合，'),
]
def body(mode, clause=True):
    out = [para(TITLE), para(PRE)]
    def h(lvl, text, typed):
        if mode == 'typed':
            return para(typed + text)
        if mode == 'numpr':
            return para(text, num=lvl)
        if mode == 'style':
            return para(text, style=str(lvl+1))
    out.append(h(0, '重点任务', '一、'))
    secs = [('大力发展货物贸易', '（一）', TASKS[:3]), ('推进服务贸易升级', '（二）', TASKS[3:])]
    n = 0
    for st, sn, ts in secs:
        out.append(h(1, st, sn))
        for t, c, lead in ts:
            n += 1
            text = t + c if clause else t
            if mode == 'typed':
                out.append(para('%d.' % n + text))
            elif mode == 'numpr':
                out.append(para(text, num=2))
            else:
                out.append(para(text, style='3'))
    out.append(h(0, '保障措施', '二、'))
    out.append(para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。'))
    return ''.join(out)
write('cases/01a-docx-typed-numbers.docx', body('typed'))
write('cases/01b-docx-autonum-numpr-with-clauses.docx', body('numpr'))
write('cases/01c-docx-autonum-numpr-no-clauses.docx', body('numpr', clause=False))
write('cases/01d-docx-autonum-headingstyles-with-clauses.docx', body('style'))
write('cases/01e-docx-autonum-headingstyles-no-clauses.docx', body('style', clause=False))
# 01f: owner in opening sentence, auto numbered (no trailing clause)
def body_f():
    out = [para(TITLE), para(PRE), para('重点任务', num=0), para('大力发展货物贸易', num=1)]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('推进服务贸易升级', num=1))
        a, b = t.split('。', 1)
        out.append(para(a + '。' + lead + b))
    return ''.join(out)
# wait: body_f uses no numbering on tasks -> make them numPr
def body_f2():
    out = [para(TITLE), para(PRE), para('重点任务', num=0), para('大力发展货物贸易', num=1)]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('推进服务贸易升级', num=1))
        a, b = t.split('。', 1)
        out.append(para(a + '。' + lead + b, num=2))
    out.append(para('保障措施', num=0)); out.append(para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。'))
    return ''.join(out)
write('cases/01f-docx-autonum-owner-in-sentence.docx', body_f2())
# 01g: mixed: typed top-level headings, auto-numbered items (common: heading typed, list auto)
def body_g():
    out = [para(TITLE), para(PRE), para('一、重点任务'), para('（一）大力发展货物贸易')]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('（二）推进服务贸易升级'))
        out.append(para(t + c, num=2))
    out.append(para('二、保障措施')); out.append(para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。'))
    return ''.join(out)
write('cases/01g-docx-typed-headings-autonum-items.docx', body_g())
def body_h():
    out = [para(TITLE), para(PRE), para('一、重点任务'), para('（一）大力发展货物贸易')]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('（二）推进服务贸易升级'))
        out.append(para(t, num=2))
    out.append(para('二、保障措施')); out.append(para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。'))
    return ''.join(out)
write('cases/01h-docx-typed-headings-autonum-items-no-clauses.docx', body_h())
# 01i/01j: items 2 and 5 lose their clause (a real drafting error planlint should catch)
def body_ij(auto):
    out = [para(TITLE), para(PRE), para('一、重点任务'), para('（一）大力发展货物贸易')]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('（二）推进服务贸易升级'))
        text = t if i in (1, 4) else t + c
        out.append(para(text, num=2) if auto else para('%d.' % (i+1) + text))
    out.append(para('二、保障措施')); out.append(para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。'))
    return ''.join(out)
write('cases/01i-docx-typed-items-two-lack-clause.docx', body_ij(False))
write('cases/01j-docx-autonum-items-two-lack-clause.docx', body_ij(True))
# 01k: fully auto (numPr on all levels) with items 2 and 5 lacking clauses
def body_k():
    out = [para(TITLE), para(PRE), para('重点任务', num=0), para('大力发展货物贸易', num=1)]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: out.append(para('推进服务贸易升级', num=1))
        text = t if i in (1, 4) else t + c
        out.append(para(text, num=2))
    out.append(para('保障措施', num=0)); out.append(para('各部门要加强组织领导，明确责任分工，确保各项任务落到实处。'))
    return ''.join(out)
write('cases/01k-docx-autonum-all-two-lack-clause.docx', body_k())
