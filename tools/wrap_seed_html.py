#!/usr/bin/env python3
"""Wrap the text seeds as saved web pages: paragraphs for the narrative and a real <table> for
each statistics table, the way the reports stood on their sites before they were copied to text.

    /usr/bin/python3 tools/wrap_seed_html.py tests/fixtures tests/fixtures/html/seeds

The tables of the text seeds lost their structure in several ways (one cell per line, cells of
a row run together, label lines wrapped); the rows are rebuilt here from the cells' kinds:
a label starts a row, units and numbers are its other cells. Seed 004 printed its 第二十条
tables scrambled at the end of the page; its table is given here as the official form with the
numbers of the seed. The output is committed; rerun only when the seeds change."""
import html
import os
import re
import sys

UNITS = {"条", "件", "次", "篇", "个", "人", "人次", "万元", "项", "——", "—", "-"}
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?%?$")
RUN_TOGETHER = re.compile(r"^(.*?[^\d.])(——|-?\d+(?:\.\d+)?)(条|件|次|篇|个|人次|人|万元)?$")
HEADER = re.compile(r"^统\s*计\s*指\s*标|^申请来源$")
CHROME = ("【", "扫一扫", "打印本页", "分享到")
PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>.TRS_Editor p {{ text-indent: 2em; }} td {{ border: 1px solid #000; }}</style>
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="header"><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article">
<div class="TRS_Editor">
{body}
</div>
</div>
<div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a></div>
<div class="footer">主办单位：人民政府办公室 网站标识码 3310000001</div>
</body>
</html>
"""


def esc(s):
    return html.escape(s, quote=False)


def is_label(tok):
    return tok not in UNITS and not NUMBER.match(tok)


def tokens_of(lines):
    """The cells of a text table: one per line, or several when a row was run together."""
    out = []
    for line in lines:
        tok = line.strip()
        if not tok:
            continue
        m = RUN_TOGETHER.match(tok)
        if m and not tok.startswith(("(不同", "（不同")):
            label, value, unit = m.groups()
            out.extend(t for t in (label, unit, value) if t)
        else:
            out.append(tok)
    return out


def rows_of(tokens):
    """Rows of [label, unit, value] from the cells; the parenthesised note of a wrapped label
    (which a run-together row prints after its numbers) joins its label."""
    rows = []
    for tok in tokens:
        if is_label(tok):
            if rows and tok.startswith(("(不同", "（不同")):
                rows[-1][0] += tok
            else:
                rows.append([tok])
        elif rows:
            rows[-1].append(tok)
    return rows


def table_html(header, rows):
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">',
           "<tbody>", "<tr>" + "".join(f"<td><p align=\"center\"><b>{esc(h)}</b></p></td>" for h in header) + "</tr>"]
    for row in rows:
        label, rest = row[0], row[1:]
        if header[1] == "单位" and len(rest) == 1:  # a lone number is the value, not the unit
            rest = ["", rest[0]] if NUMBER.match(rest[0]) else [rest[0], ""]
        rest = (rest + ["", ""])[: len(header) - 1]
        cells = [label] + rest
        out.append("<tr>" + "".join(f"<td>{esc(c) if c else '&nbsp;'}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def header_cells(tokens):
    first = tokens[0]
    m = re.match(r"^(统\s*计\s*指\s*标)(单位)(.+)$", first)
    if m:
        return list(m.groups()), tokens[1:]
    return tokens[:3], tokens[3:]


def wrap_legacy(lines):
    """Paragraphs, with each table region (from its header line to the next table title, page
    chrome or the end) as a <table>."""
    body, i = [], 0
    while i < len(lines):
        line = lines[i]
        if HEADER.match(line.strip()):
            j = i + 1
            while j < len(lines) and not lines[j].startswith(CHROME) and "统计表" not in lines[j]:
                j += 1
            header, toks = header_cells(tokens_of(lines[i:j]))
            body.append(table_html(header, rows_of(toks)))
            i = j
            continue
        if line.strip():
            body.append(f"<p>{esc(line.rstrip())}</p>")
        i += 1
    return body


T2019_ART20 = """<table border="1" cellspacing="0" cellpadding="0">
<tr><td colspan="4"><p align="center"><b>第二十条第（一）项</b></p></td></tr>
<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>{regulations}</td></tr>
<tr><td>规范性文件</td><td>{normative}</td></tr>
<tr><td colspan="4"><p align="center"><b>第二十条第（五）项</b></p></td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td>{licensing}</td></tr>
<tr><td>其他对外管理服务事项</td><td>{other_services}</td></tr>
<tr><td colspan="4"><p align="center"><b>第二十条第（六）项</b></p></td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政处罚</td><td>{penalties}</td></tr>
<tr><td>行政强制</td><td>{enforcement}</td></tr>
<tr><td colspan="4"><p align="center"><b>第二十条第（八）项</b></p></td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td></tr>
<tr><td>行政事业性收费</td><td>{fees}</td></tr>
<tr><td colspan="4"><p align="center"><b>第二十条第（九）项</b></p></td></tr>
<tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr>
<tr><td>政府集中采购</td><td>{procurement}</td></tr>
</table>"""


def wrap_t2019(lines):
    """Seed 004: the narrative up to the scrambled table dump; the 第二十条 table under 二、."""
    text = "\n".join(lines)
    def row(label):
        m = re.search(r"^" + label + r" ([\d ]+)$", text, re.M)
        return m.group(1).split()
    cells = lambda vals, span_last=False: "</td><td>".join(vals[:-1] + [vals[-1]]) if not span_last else \
        "</td><td>".join(vals[:-1]) + f'</td><td colspan="2">{vals[-1]}'
    values = {
        "regulations": cells(row("规章")), "normative": cells(row("规范性文件")),
        "licensing": cells(row("行政许可")), "other_services": cells(row("其他对外管理服务事项")),
        "penalties": cells(row("行政处罚")), "enforcement": cells(row("行政强制")),
        # the dump printed 本年增/减 and 采购总金额 apart from their rows
        "fees": cells(row("行政事业性收费") + [re.search(r"本年增/减\n+(\d+)", text).group(1)], True),
        "procurement": cells(row("政府集中采购") + [re.search(r"采购总金额\n+(\S+)", text).group(1)], True),
    }
    body = []
    for line in lines:
        if line.strip().startswith("信息内容"):
            break
        if line.strip():
            body.append(f"<p>{esc(line.rstrip())}</p>")
        if line.strip() == "二、政府信息主动公开情况":
            body.append(T2019_ART20.format(**values))
    return body


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not re.match(r"^\d{3}_[0-9a-f]+\.txt$", name):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        t2019 = any(l.strip().startswith("信息内容 本年新制作数量") for l in lines)
        body = wrap_t2019(lines) if t2019 else wrap_legacy(lines)
        title = next(l.strip() for l in lines if l.strip())
        out = os.path.join(dst, name[:-4] + ".html")
        with open(out, "w", encoding="utf-8") as f:
            f.write(PAGE.format(title=esc(title), body="\n".join(body)))
        print(out)


if __name__ == "__main__":
    main()
