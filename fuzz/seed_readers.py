"""Seeds for the reader fuzz targets, one folder each under the folder given: read_docx (a
Word body), read_xlsx (Excel sheet rows under a header), read_ofd (OFD page objects), read_pdf,
read_html, made from seed 001, tests/fixtures/seed_003.docx and the published PDF of
corpus-formats/. Usage (fuzz/run.sh does it):
    python3 fuzz/seed_readers.py fuzz/corpus
"""
import glob, html, os, re, sys, zipfile

out = sys.argv[1]
TARGETS = ["read_docx", "read_xlsx", "read_ofd", "read_pdf", "read_html"]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
lines = [l.strip() for l in open(glob.glob(os.path.join(root, "seeds/001_*.txt"))[0], encoding="utf-8") if l.strip()][:80]


def write(name, which, body):
    folder = os.path.join(out, TARGETS[which])
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(body)


doc = zipfile.ZipFile(os.path.join(root, "tests/fixtures/seed_003.docx")).read("word/document.xml").decode("utf-8")
body = re.search(r"<w:body>(.*)</w:body>", doc, re.S).group(1)
write("word_seed_003", 0, body.encode("utf-8"))

rows = []
rows.append("<row r=\"1\">" + "".join("<c r=\"%s1\" t=\"inlineStr\"><is><t>%s</t></is></c>" % ("ABCDE"[k], h) for k, h in enumerate(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])) + "</row>")
for i, l in enumerate(lines[:40], 2):
    cells = [str(i), l[:60], "县市场监管局", "县农业农村局", "2022年底前"]
    cs = "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % ("ABCDE"[k], i, html.escape(c)) for k, c in enumerate(cells))
    rows.append('<row r="%d">%s</row>' % (i, cs))
write("excel_task_table", 1, "".join(rows).encode("utf-8"))

objs = []
for i, l in enumerate(lines[:40]):
    n = len(l)
    objs.append('<ofd:TextObject ID="%d" Boundary="20 %d %d 6" Font="3" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g %d 5">%s</ofd:TextCode></ofd:TextObject>'
                % (i + 1, 20 + 7 * i, 5 * n, max(0, n - 1), html.escape(l)))
write("ofd_page", 2, "".join(objs).encode("utf-8"))

for pdf in glob.glob(os.path.join(root, "corpus-formats/*.pdf")):
    write("pdf_" + os.path.basename(pdf)[:3], 3, open(pdf, "rb").read())

page = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div class=nav>首页 政务公开</div><div class=content>"
page += "".join("<p>%s</p>" % html.escape(l) for l in lines)
page += "<table><tr><td>序号</td><td>任务</td><td>牵头单位</td><td>完成时限</td></tr>"
page += "".join('<tr><td>%d</td><td>%s</td>%s<td>2022年底前</td></tr>' % (i, html.escape(l[:40]), '<td rowspan="2">县市场监管局</td>' if i % 2 else "") for i, l in enumerate(lines[:20], 1))
page += "</table></div><div class=footer>版权所有</div></body></html>"
write("web_page", 4, page.encode("utf-8"))
