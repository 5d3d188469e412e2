import sys; sys.path.insert(0,'.')
from build_docx import TASKS, TITLE, PRE
HEAD = TITLE + '\n\n' + PRE + '\n\n一、重点任务\n'
TAIL = '二、保障措施\n各部门要加强组织领导，明确责任分工，确保各项任务落到实处。\n'
def items(marks, missing=(1,4), sep='\n', sec=True):
    out = []
    for i,(t,c,lead) in enumerate(TASKS):
        if sec and i == 0: out.append('（一）大力发展货物贸易\n')
        if sec and i == 3: out.append('（二）推进服务贸易升级\n')
        out.append(marks[i] + t + ('' if i in missing else c) + sep)
    return ''.join(out)
CN = '一二三四五六'
styles = {
 'halfparen': ['(%d)' % (i+1) for i in range(6)],
 'paren-close': ['%d)' % (i+1) for i in range(6)],
 'roman': ['ⅠⅡⅢⅣⅤⅥ'[i] + '、' for i in range(6)],
 'latin': ['ABCDEF'[i] + '.' for i in range(6)],
 'bullet-dot': ['●'] * 6,
 'bullet-square': ['■'] * 6,
 'bullet-diamond': ['◆'] * 6,
 'dash2': ['——'] * 6,
 'dash1': ['—'] * 6,
 'hyphen': ['- '] * 6,
 'diyixiang': ['第%s项 ' % CN[i] for i in range(6)],
 'circled': ['①②③④⑤⑥'[i] for i in range(6)],
 'fullwidth-digit': ['１２３４５６'[i] + '．' for i in range(6)],
 'paren-fw-digit': ['（%d）' % (i+1) for i in range(6)],
 'dun-digit': ['%d、' % (i+1) for i in range(6)],
 'shi-yi': ['第%s，' % CN[i] for i in range(6)],
}
open('cases/02-control-typed-two-lack-clause.txt','w').write(HEAD + items(['%d.' % (i+1) for i in range(6)]) + TAIL)
for k, m in styles.items():
    open('cases/02-%s-two-lack-clause.txt' % k, 'w').write(HEAD + items(m) + TAIL)
# 一是……；二是…… inside one paragraph: 6 tasks, 2 lack clause
parts = []
for i,(t,c,lead) in enumerate(TASKS):
    a, b = t.split('。',1)
    s = '%s是%s，%s' % (CN[i], a, b.rstrip('。'))
    if i not in (1,4): s += c
    parts.append(s)
open('cases/02-yishi-one-paragraph-two-lack-clause.txt','w').write(HEAD + '（一）推进开放合作\n' + '；'.join(parts) + '。\n' + TAIL)
parts = []
for i,(t,c,lead) in enumerate(TASKS):
    a, b = t.split('。',1)
    parts.append('%s是%s，%s' % (CN[i], a, b.rstrip('。')) + c)
open('cases/02-yishi-one-paragraph-all-clauses.txt','w').write(HEAD + '（一）推进开放合作\n' + '；'.join(parts) + '。\n' + TAIL)
for k in ['roman','latin','bullet-dot','dash2','hyphen','diyixiang','shi-yi']:
    open('cases/02-%s-all-clauses.txt' % k, 'w').write(HEAD + items(styles[k], missing=()) + TAIL)
