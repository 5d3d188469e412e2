import sys; sys.path.insert(0,'.'); sys.path.insert(0,'py')
from build_docx import TASKS, TITLE, PRE
from build_tables import ROWS
from fpdf import FPDF
FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
class P(FPDF):
    def header(self):
        self.set_font('zh', size=9); self.cell(0, 8, 'XX市人民政府办公室文件', align='C'); self.ln(12)
    def footer(self):
        self.set_y(-15); self.set_font('zh', size=10); self.cell(0, 10, '- %d -' % self.page_no(), align='C')
def new():
    p = P(format='A4'); p.add_font('zh', '', FONT, collection_font_number=0); p.set_auto_page_break(True, margin=25)
    p.set_margins(28, 20, 26); p.add_page(); return p
def para(p, text, size=16, indent=True):
    p.set_font('zh', size=size)
    p.multi_cell(0, 10, ('　　' if indent else '') + text, new_x='LMARGIN', new_y='NEXT')
def lines(missing=(1,4), filler=True):
    L = [('title', TITLE), ('p', PRE)]
    if filler:
        L.append(('p', '当前，区域全面经济伙伴关系协定正式生效实施，为我市扩大对外开放、深化区域经贸合作带来重大机遇。各地各部门要充分认识对接RCEP经贸新规则的重要意义，把握协定生效带来的市场开放、规则衔接和产业合作机遇，主动作为、抢抓先机，推动更高水平对外开放，加快构建新发展格局，推动全市经济高质量发展。'))
    L += [('p', '一、重点任务'), ('p', '（一）大力发展货物贸易')]
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: L.append(('p', '（二）推进服务贸易升级'))
        L.append(('p', '%d.' % (i+1) + t + '进一步完善工作机制，加强部门协同，强化政策宣传和企业服务，及时研究解决工作推进中遇到的困难和问题，定期调度工作进展情况。' + ('' if i in missing else c)))
    L += [('p', '二、保障措施'), ('p', '各部门要加强组织领导，明确责任分工，确保各项任务落到实处。')]
    return L
def build(name, missing=(1,4)):
    p = new()
    for kind, t in lines(missing):
        if kind == 'title':
            p.set_font('zh', size=20); p.multi_cell(0, 12, t, align='C', new_x='LMARGIN', new_y='NEXT'); p.ln(4)
        else: para(p, t)
    p.output('cases/' + name)
build('06a-pdf-headers-pagenumbers-two-lack-clause.pdf')
build('06a2-pdf-headers-pagenumbers-all-clauses.pdf', missing=())
# 06b: task table drawn with cells, split across pages
def table_pdf(name):
    p = new(); p.set_font('zh', size=20); p.multi_cell(0, 12, TITLE, align='C', new_x='LMARGIN', new_y='NEXT')
    para(p, PRE); para(p, '附件：重点任务分工表', indent=False)
    for k in range(3): para(p, '为全面贯彻落实上级决策部署，进一步扩大高水平对外开放，推动全市外贸稳规模优结构，现将重点任务分工如下，请各牵头单位会同配合单位认真抓好落实，并按时报送工作进展情况。')
    W = [12, 70, 28, 28, 18]; H = ['序号','重点任务','牵头单位','配合单位','完成时限']
    p.set_font('zh', size=10)
    def row(cells, h=30):
        if p.get_y() + h > p.h - 25: p.add_page()
        x, y = p.get_x(), p.get_y()
        for w, c in zip(W, cells):
            p.set_xy(x, y); p.multi_cell(w, 5, c, border=0); x += w
            p.rect(x - w, y, w, h)
        p.set_xy(p.l_margin, y + h)
    row(H, 10)
    for i, r in enumerate(ROWS): row([str(i+1)] + list(r), 30)
    p.output('cases/' + name)
table_pdf('06b-pdf-task-table-split-across-pages.pdf')
def body_and_table(name):
    p = new(); p.set_font('zh', size=20); p.multi_cell(0, 12, TITLE, align='C', new_x='LMARGIN', new_y='NEXT')
    para(p, PRE); para(p, '一、工作目标'); para(p, '到2024年底，全市对RCEP成员国进出口额年均增长10%以上。（市商务局牵头，各区县政府配合；2024年底前完成）')
    para(p, '二、保障措施'); para(p, '（一）加强组织领导。成立工作专班，统筹推进各项工作。（市商务局牵头，市发展改革委配合；2023年3月底前完成）')
    para(p, '（二）强化督促检查。定期通报工作进展。（市政府督查室牵头；长期坚持）')
    para(p, '附件：重点任务分工表', indent=False)
    W = [12, 70, 28, 28, 18]; H = ['序号','重点任务','牵头单位','配合单位','完成时限']
    p.set_font('zh', size=10)
    def row(cells, h=30):
        if p.get_y() + h > p.h - 25: p.add_page()
        x, y = p.get_x(), p.get_y()
        for w, c in zip(W, cells):
            p.set_xy(x, y); p.multi_cell(w, 5, c, border=0); x += w
            p.rect(x - w, y, w, h)
        p.set_xy(p.l_margin, y + h)
    row(H, 10)
    for i, r in enumerate(ROWS): row([str(i+1)] + list(r), 30)
    p.output('cases/' + name)
body_and_table('06c-pdf-body-tasks-plus-task-table.pdf')
