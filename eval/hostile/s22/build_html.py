import sys, re, html; sys.path.insert(0,'.')
from build_docx import TASKS, TITLE, PRE
from build_tables import ROWS
W = lambda name, s: open('cases/' + name, 'w', encoding='utf-8').write(s)
def lines(missing=(1,4)):
    L = ['一、重点任务', '（一）大力发展货物贸易']
    for i,(t,c,lead) in enumerate(TASKS):
        if i == 3: L.append('（二）推进服务贸易升级')
        L.append('%d.' % (i+1) + t + ('' if i in missing else c))
    L += ['二、保障措施', '各部门要加强组织领导，明确责任分工，确保各项任务落到实处。']
    return L
def page(body, head=''):
    return '<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>%s</head><body>%s</body></html>' % (TITLE, head, body)
L = lines()
nav = '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>'
W('04a-html-p-control.html', page(nav + '<div class="article"><h1>%s</h1><p>%s</p>%s</div>' % (TITLE, PRE, ''.join('<p>%s</p>' % x for x in L))))
# layout table: outer table with a left menu cell and a content cell
menu = '<td class="menu"><ul><li><a href="/a">机构概况</a></li><li><a href="/b">政策解读</a></li><li><a href="/c">办事服务</a></li></ul></td>'
W('04b-html-table-layout.html', page('<table width="100%%"><tr><td colspan="2">XX市人民政府门户网站</td></tr><tr>%s<td class="content"><h1>%s</h1><p>%s</p>%s</td></tr></table>' % (menu, TITLE, PRE, ''.join('<p>%s</p>' % x for x in L))))
# layout table without headings (cells holding <p> only, no h tag, table-based with font tags)
W('04b2-html-table-layout-no-heading.html', page('<table width="100%%"><tr><td colspan="2"><font size="4">XX市人民政府门户网站</font></td></tr><tr>%s<td class="content"><font size="5"><b>%s</b></font><br>%s<br>%s</td></tr></table>' % (menu, TITLE, PRE, '<br>'.join(L))))
W('04c-html-br-only.html', page(nav + '<div class="article"><div class="title">%s</div><div class="content">%s<br>%s</div></div>' % (TITLE, PRE, '<br>'.join(L))))
W('04c2-html-br-in-one-p.html', page(nav + '<div class="article"><p>%s</p><p>%s<br/>%s</p></div>' % (TITLE, PRE, '<br/>'.join(L))))
W('04d-txt-with-raw-html-p.txt', '<p>%s</p>\n<p>%s</p>\n' % (TITLE, PRE) + ''.join('<p>%s</p>\n' % x for x in L))
W('04d2-txt-raw-html-p-one-line.txt', '<p>%s</p><p>%s</p>' % (TITLE, PRE) + ''.join('<p>%s</p>' % x for x in L) + '\n')
W('04e-md-with-raw-html-p.md', '# %s\n\n%s\n\n' % (TITLE, PRE) + ''.join('<p>%s</p>\n' % x for x in L))
# entities
def ent(s):
    return s.replace('、', '&#12289;').replace('。', '&#x3002;').replace('（', '&#65288;').replace('）', '&#65289;').replace('，', '，&nbsp;')
W('04f-html-entities.html', page(nav + '<div class="article"><h1>%s</h1><p>%s</p>%s</div>' % (TITLE, PRE, ''.join('<p>&nbsp;&nbsp;&nbsp;&nbsp;%s</p>' % ent(x) for x in L))))
W('04f2-txt-entities.txt', TITLE + '\n' + PRE + '\n' + ''.join('&nbsp;&nbsp;%s\n' % ent(x) for x in L))
W('04g-html-cdata.html', page(nav + '<div class="article"><h1>%s</h1><p>%s</p>%s</div>' % (TITLE, PRE, ''.join('<p><![CDATA[%s]]></p>' % x for x in L))))
W('04g2-xhtml-script-cdata-content.html', page(nav + '<div class="article"><h1>%s</h1><div id="c"></div><script>//<![CDATA[\ndocument.getElementById("c").innerHTML="%s";\n//]]></script></div>' % (TITLE, ''.join('<p>%s</p>' % x for x in L))))
# task table with rowspan lead
rows = ''
for i,(t,lead,part,dl) in enumerate(ROWS):
    leadcell = ''
    if i == 0: leadcell = '<td rowspan="3">市商务局</td>'
    if i == 3: leadcell = '<td rowspan="3">市市场监管局</td>'
    rows += '<tr><td>%d</td><td>%s</td>%s<td>%s</td><td>%s</td></tr>' % (i+1, t, leadcell, part, dl)
W('04h-html-table-rowspan-lead.html', page(nav + '<div class="article"><h1>%s</h1><p>%s</p><p>重点任务分工表</p><table border="1"><thead><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr></thead><tbody>%s</tbody></table></div>' % (TITLE, PRE, rows)))
# task table where each cell wraps the text in <p><span>, and the header in the first tbody row with <td><strong>
rows = ''.join('<tr><td><p><span>%d</span></p></td><td><p><span>%s</span></p></td><td><p><span>%s</span></p></td><td><p><span>%s</span></p></td><td><p><span>%s</span></p></td></tr>' % ((i+1,)+r) for i,r in enumerate(ROWS))
W('04i-html-table-wordsaved.html', page('<div class="WordSection1"><p class="MsoNormal"><b>%s</b></p><p class="MsoNormal">%s</p><table class="MsoTableGrid"><tr>%s</tr>%s</table></div>' % (TITLE, PRE, ''.join('<td><p><strong>%s</strong></p></td>' % h for h in ['序号','重点任务','牵头单位','配合单位','完成时限']), rows)))
# WeChat style: each line in section>p>span
W('04j-html-wechat-sections.html', page('<div id="js_content"><section><p><span><strong>%s</strong></span></p></section><section><p><span>%s</span></p></section>%s</div><div class="footer">阅读原文</div>' % (TITLE, PRE, ''.join('<section><span>%s</span></section>' % x for x in L))))
