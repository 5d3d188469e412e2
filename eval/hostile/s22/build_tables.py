import sys, re; sys.path.insert(0,'.')
from build_docx import TASKS, TITLE, PRE
ROWS = []
for t,c,lead in TASKS:
    m = re.match(r'（(.+?)牵头，(.+?)配合；(.+?)）', c)
    ROWS.append((t, m.group(1), m.group(2), m.group(3)))
HEAD = TITLE + '\n\n' + PRE + '\n\n附件\n重点任务分工表\n'
H = ['序号','重点任务','牵头单位','配合单位','完成时限']
def tsv(rows, header=H):
    return '\t'.join(header) + '\n' + ''.join('\t'.join(r) + '\n' for r in rows)
R = [(str(i+1),) + r for i,r in enumerate(ROWS)]
W = lambda name, s: open('cases/' + name, 'w').write(s)
W('03a-tsv-control.txt', HEAD + tsv(R))
# one cell per line (Word text export): every cell on its own line, tab-led as Word does
def percell(rows, header=H, lead='\t', skip_empty=False, blank_between=False):
    out = [lead + h + '\n' for h in header]
    for r in rows:
        if blank_between: out.append('\n')
        for c in r:
            if skip_empty and c == '': continue
            out.append(lead + c + '\n')
    return ''.join(out)
W('03b-percell-control.txt', HEAD + percell(R))
R2 = [list(r) for r in R]; R2[1][3] = ''; R2[4][3] = ''
W('03c-percell-empty-partner-skipped.txt', HEAD + percell(R2, skip_empty=True))
W('03c2-percell-empty-partner-kept.txt', HEAD + percell(R2, skip_empty=False))
W('03d-percell-notab-web.txt', HEAD + percell(R, lead=''))
R3 = [list(r) for r in R]; R3[2][4] = ''
W('03d2-percell-notab-web-empty-deadline-skipped.txt', HEAD + percell(R3, lead='', skip_empty=True))
# markdown pipe table, one row split over two lines
def md(rows):
    out = '| ' + ' | '.join(H) + ' |\n|' + '---|'*len(H) + '\n'
    for r in rows: out += '| ' + ' | '.join(r) + ' |\n'
    return out
W('03e-md-control.md', HEAD + md(R))
s = md(R).split('\n'); 
# split row 3 (index 2+2=4): break inside the task cell
row = s[4]; k = row.index('。') + 1
s[4] = row[:k] + '\n' + row[k:]
W('03f-md-row-split-two-lines.md', HEAD + '\n'.join(s))
# header repeated every page (+ page number between)
W('03g-tsv-header-repeated-per-page.txt', HEAD + tsv(R[:3]) + '\n- 2 -\n\n' + tsv(R[3:]))
W('03g2-percell-header-repeated-per-page.txt', HEAD + percell(R[:3]) + '\n- 2 -\n\n' + percell(R[3:]))
# 牵头单位 before 任务
H2 = ['序号','牵头单位','重点任务','配合单位','完成时限']
W('03h-tsv-lead-before-task.txt', HEAD + tsv([(r[0], r[2], r[1], r[3], r[4]) for r in R], H2))
# 责任分工表 with other column names
H3 = ['序号','主要任务','责任部门','协办部门','时间节点']
W('03i-tsv-zerenfengong-colnames.txt', HEAD.replace('重点任务分工表','责任分工表') + tsv(R, H3))
H3b = ['序号','工作任务','责任单位','协同单位','完成时间']
W('03i2-tsv-other-colnames.txt', HEAD + tsv(R, H3b))
H3c = ['序号','具体措施','主责单位','协助单位','时限要求']
W('03i3-tsv-other-colnames2.txt', HEAD + tsv(R, H3c))
# merged lead: written once for rows 1-3 and 4-6
R4 = [list(r) for r in R]; R4[0][2]='市商务局'; R4[1][2]=''; R4[2][2]=''; R4[3][2]='市市场监管局'; R4[4][2]=''; R4[5][2]=''
W('03j-tsv-merged-lead-written-once.txt', HEAD + tsv(R4))
W('03j2-percell-merged-lead-skipped.txt', HEAD + percell(R4, skip_empty=True))
