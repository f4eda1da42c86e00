#!/usr/bin/env python3
"""Write the HTML fixtures of tests/fixtures/html/: report pages in the markup real government
sites publish (TRS/Hanweb CMS pages, Word "save as web page" exports, old table-layout sites,
ASP.NET forms, pages saved as one .mht/.mhtml file), in UTF-8, GBK and UTF-16, each with NAME.expected.tsv beside it:

    @encoding  NAME        the encoding the page must be read as
    @template  FORM        legacy | t2019 | t2021
    @tables    N           the data tables the page holds
    code <TAB> dim <TAB> value   every number of its statistics tables

    /usr/bin/python3 tools/html_fixtures.py tests/fixtures/html

The numbers are made up but add up the way the forms require. The output is committed; rerun
only to change the fixtures."""
import base64
import os
import quopri
import re
import sys

# ---- the forms ---------------------------------------------------------------------------------

# legacy 政府信息公开情况统计表: (label, unit, code or None for a section row)
LEGACY_ROWS = [
    ("一、主动公开情况", "——", None),
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "active.total"),
    ("其中：主动公开规范性文件数", "条", "active.normative"),
    ("制发规范性文件总数", "件", "active.normative_issued"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "——", None),
    ("1.政府公报公开政府信息数", "条", "active.via_gazette"),
    ("2.政府网站公开政府信息数", "条", "active.via_website"),
    ("3.政务微博公开政府信息数", "条", "active.via_weibo"),
    ("4.政务微信公开政府信息数", "条", "active.via_wechat"),
    ("5.其他方式公开政府信息数", "条", "active.via_other"),
    ("二、回应解读情况", "——", None),
    ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "response.hotspots"),
    ("（二）通过不同渠道和方式回应解读的情况", "——", None),
    ("1.参加或举办新闻发布会总次数", "次", "response.press_conferences"),
    ("其中：主要负责同志参加新闻发布会次数", "次", "response.press_conferences_by_leaders"),
    ("2.政府网站在线访谈次数", "次", "response.online_interviews"),
    ("其中：主要负责同志参加政府网站在线访谈次数", "次", "response.online_interviews_by_leaders"),
    ("3.政策解读稿件发布数", "篇", "response.interpretations"),
    ("4.微博微信回应事件数", "次", "response.via_social"),
    ("5.其他方式回应事件数", "次", "response.via_other"),
    ("三、依申请公开情况", "——", None),
    ("（一）收到申请数", "件", "request.received"),
    ("1.当面申请数", "件", "request.received.in_person"),
    ("2.传真申请数", "件", "request.received.fax"),
    ("3.网络申请数", "件", "request.received.online"),
    ("4.信函申请数", "件", "request.received.letter"),
    ("（二）申请办结数", "件", "request.closed"),
    ("1.按时办结数", "件", "request.closed.on_time"),
    ("2.延期办结数", "件", "request.closed.extended"),
    ("（三）申请答复数", "件", "request.answered"),
    ("1.属于已主动公开范围数", "件", "request.answered.already_public"),
    ("2.同意公开答复数", "件", "request.answered.granted"),
    ("3.同意部分公开答复数", "件", "request.answered.partly_granted"),
    ("4.不同意公开答复数", "件", "request.answered.refused"),
    ("其中：涉及国家秘密", "件", "request.answered.refused.state_secret"),
    ("涉及商业秘密", "件", "request.answered.refused.trade_secret"),
    ("涉及个人隐私", "件", "request.answered.refused.privacy"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "request.answered.refused.security"),
    ("不是《条例》所指政府信息", "件", "request.answered.refused.not_gov_info"),
    ("法律法规规定的其他情形", "件", "request.answered.refused.other_law"),
    ("5.不属于本行政机关公开数", "件", "request.answered.not_this_agency"),
    ("6.申请信息不存在数", "件", "request.answered.nonexistent"),
    ("7.告知作出更改补充数", "件", "request.answered.clarify"),
    ("8.告知通过其他途径办理数", "件", "request.answered.other_channel"),
    ("四、行政复议数量", "件", "review.total"),
    ("（一）维持具体行政行为数", "件", "review.upheld"),
    ("（二）被依法纠错数", "件", "review.corrected"),
    ("（三）其他情形数", "件", "review.other"),
    ("五、行政诉讼数量", "件", "litigation.total"),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation.upheld"),
    ("（二）被依法纠错数", "件", "litigation.corrected"),
    ("（三）其他情形数", "件", "litigation.other"),
    ("六、举报投诉数量", "件", "complaints.total"),
    ("七、依申请公开信息收取的费用", "万元", "fees.total"),
    ("八、机构建设和保障经费情况", "——", None),
    ("（一）政府信息公开工作专门机构数", "个", "org.units"),
    ("（二）设置政府信息公开查阅点数", "个", "org.reading_points"),
    ("（三）从事政府信息公开工作人员数", "人", "org.staff"),
    ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "org.staff.full_time"),
    ("2.兼职人员数", "人", "org.staff.part_time"),
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "org.budget"),
    ("九、政府信息公开会议和培训情况", "——", None),
    ("（一）召开政府信息公开工作会议或专题会议数", "次", "training.meetings"),
    ("（二）举办各类培训班数", "次", "training.classes"),
    ("（三）接受培训人员数", "人次", "training.trainees"),
]


def legacy_values(seq):
    codes = [c for _, _, c in LEGACY_ROWS if c]
    assert len(seq) == len(codes), (len(seq), len(codes))
    return dict(zip(codes, seq))


LEGACY_A = legacy_values([
    5326, 12, 15, 24, 4210, 356, 702, 34,
    18, 9, 6, 4, 3, 27, 41, 5,
    86, 21, 0, 52, 13, 86, 84, 2,
    86, 11, 38, 7, 9, 1, 0, 2, 0, 4, 2, 8, 10, 2, 1,
    3, 2, 0, 1, 2, 1, 1, 0, 0, 0,
    1, 3, 5, 2, 3, 6.5, 4, 2, 130])
LEGACY_B = legacy_values([
    18342, 56, 61, 120, 15230, 1204, 1650, 138,
    75, 31, 17, 12, 8, 143, 260, 41,
    412, 96, 3, 251, 62, 405, 398, 7,
    405, 63, 172, 31, 28, 3, 1, 9, 0, 11, 4, 45, 49, 11, 6,
    14, 9, 2, 3, 9, 6, 1, 2, 5, 0,
    1, 12, 26, 8, 18, 42.3, 11, 6, 520])

SOURCE_ROWS = [("一、党政机关", "party_gov"), ("二、社会团体（含公益组织）", "social_org"),
               ("三、企业", "enterprise"), ("四、宣传媒体", "media"), ("五、科研院校", "research"),
               ("六、公民", "citizen"), ("其中：律师", "citizen.lawyer"),
               ("科研人员", "citizen.researcher"), ("媒体从业人员", "citizen.media_worker"),
               ("七、其他", "other")]
SOURCE_B = {"party_gov": (2, "0.49"), "social_org": (1, "0.24"), "enterprise": (38, "9.22"),
            "media": (0, "0"), "research": (3, "0.73"), "citizen": (355, "86.17"),
            "citizen.lawyer": (21, "5.10"), "citizen.researcher": (2, "0.49"),
            "citizen.media_worker": (1, "0.24"), "other": (13, "3.16")}

APPLICANTS = ["natural_person", "business", "research", "nonprofit", "legal_service", "other_org"]
APPLICANT_HEADS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# t2019/t2021 section 三: (group, subgroup, label, code); group/subgroup None = spans columns
REQUEST_ROWS = {
    "t2019": [
        ("（一）予以公开", "request.result.granted"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "request.result.partly_granted"),
        ("（三）不予公开", [("1.属于国家秘密", "request.result.refused.state_secret"),
                        ("2.其他法律行政法规禁止公开", "request.result.refused.law_prohibited"),
                        ("3.危及“三安全一稳定”", "request.result.refused.security"),
                        ("4.保护第三方合法权益", "request.result.refused.third_party"),
                        ("5.属于三类内部事务信息", "request.result.refused.internal_affairs"),
                        ("6.属于四类过程性信息", "request.result.refused.process_info"),
                        ("7.属于行政执法案卷", "request.result.refused.enforcement_files"),
                        ("8.属于行政查询事项", "request.result.refused.inquiry")]),
        ("（四）无法提供", [("1.本机关不掌握相关政府信息", "request.result.unavailable.not_held"),
                        ("2.没有现成信息需要另行制作", "request.result.unavailable.needs_creation"),
                        ("3.补正后申请内容仍不明确", "request.result.unavailable.unclear")]),
        ("（五）不予处理", [("1.信访举报投诉类申请", "request.result.not_processed.petition"),
                        ("2.重复申请", "request.result.not_processed.repeated"),
                        ("3.要求提供公开出版物", "request.result.not_processed.publications"),
                        ("4.无正当理由大量反复申请", "request.result.not_processed.mass_repeated"),
                        ("5.要求行政机关确认或重新出具已获取信息", "request.result.not_processed.confirmation")]),
        ("（六）其他处理", "request.result.other"),
    ],
}
REQUEST_ROWS["t2021"] = REQUEST_ROWS["t2019"][:-1] + [
    ("（六）其他处理", [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "request.result.other.no_correction"),
                    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "request.result.other.unpaid_fee"),
                    ("3.其他", "request.result.other.misc")]),
]


def request_values(form, counts):
    """counts: code -> six applicant counts (missing: zeros). Adds totals per row and column
    sums for 总计 and 结转."""
    vals = {}
    leaves = []
    for label, what in REQUEST_ROWS[form]:
        for _, code in (what if isinstance(what, list) else [(label, what)]):
            leaves.append(code)
    for code in ["request.new", "request.carried_in"] + leaves:
        vals[code] = list(counts.get(code, [0] * 6))
    result = [sum(vals[c][i] for c in leaves) for i in range(6)]
    vals["request.result.total"] = result
    vals["request.carried_out"] = [vals["request.new"][i] + vals["request.carried_in"][i] - result[i] for i in range(6)]
    assert all(v >= 0 for v in vals["request.carried_out"])
    for code in vals:
        vals[code] = vals[code] + [sum(vals[code])]
    return vals


REVIEW_CODES = ["review.upheld", "review.corrected", "review.other", "review.pending", "review.total",
                "litigation.direct.upheld", "litigation.direct.corrected", "litigation.direct.other",
                "litigation.direct.pending", "litigation.direct.total",
                "litigation.after_review.upheld", "litigation.after_review.corrected",
                "litigation.after_review.other", "litigation.after_review.pending",
                "litigation.after_review.total"]


def review_values(r, d, a):
    return dict(zip(REVIEW_CODES, r + [sum(r)] + d + [sum(d)] + a + [sum(a)]))


T2019_A = {
    "art20": {("art20.regulations", "new_made"): 0, ("art20.regulations", "new_published"): 0,
              ("art20.regulations", "total_public"): 3,
              ("art20.normative_docs", "new_made"): 14, ("art20.normative_docs", "new_published"): 14,
              ("art20.normative_docs", "total_public"): 87,
              ("art20.licensing", "prev_items"): 326, ("art20.licensing", "change"): 12,
              ("art20.licensing", "decisions"): 18734,
              ("art20.other_services", "prev_items"): 58, ("art20.other_services", "change"): -3,
              ("art20.other_services", "decisions"): 9120,
              ("art20.penalties", "prev_items"): 112, ("art20.penalties", "change"): 5,
              ("art20.penalties", "decisions"): 2307,
              ("art20.enforcement", "prev_items"): 21, ("art20.enforcement", "change"): 0,
              ("art20.enforcement", "decisions"): 46,
              ("art20.fees", "prev_items"): 9, ("art20.fees", "change"): -2,
              ("art20.procurement", "items"): 37, ("art20.procurement", "amount"): 2156.8},
    "requests": request_values("t2019", {
        "request.new": [64, 9, 0, 1, 2, 0], "request.carried_in": [3, 1, 0, 0, 0, 0],
        "request.result.granted": [20, 4, 0, 1, 1, 0], "request.result.partly_granted": [6, 1, 0, 0, 0, 0],
        "request.result.refused.law_prohibited": [1, 0, 0, 0, 0, 0],
        "request.result.refused.third_party": [2, 0, 0, 0, 0, 0],
        "request.result.refused.process_info": [2, 1, 0, 0, 0, 0],
        "request.result.refused.enforcement_files": [1, 0, 0, 0, 0, 0],
        "request.result.unavailable.not_held": [15, 2, 0, 0, 1, 0],
        "request.result.unavailable.needs_creation": [4, 0, 0, 0, 0, 0],
        "request.result.unavailable.unclear": [2, 0, 0, 0, 0, 0],
        "request.result.not_processed.petition": [3, 0, 0, 0, 0, 0],
        "request.result.not_processed.repeated": [2, 0, 0, 0, 0, 0],
        "request.result.not_processed.confirmation": [1, 0, 0, 0, 0, 0],
        "request.result.other": [2, 0, 0, 0, 0, 0]}),
    "reviews": review_values([2, 1, 0, 1], [1, 0, 0, 1], [0, 0, 1, 0]),
}
T2019_B = {
    "art20": {**T2019_A["art20"], **{("art20.normative_docs", "new_made"): 6,
                                       ("art20.normative_docs", "new_published"): 6,
                                       ("art20.normative_docs", "total_public"): 40,
                                       ("art20.licensing", "decisions"): 1203,
                                       ("art20.procurement", "amount"): 388.25}},
    "requests": request_values("t2019", {
        "request.new": [12, 2, 0, 0, 0, 1], "request.carried_in": [1, 0, 0, 0, 0, 0],
        "request.result.granted": [5, 1, 0, 0, 0, 1], "request.result.partly_granted": [2, 0, 0, 0, 0, 0],
        "request.result.unavailable.not_held": [4, 1, 0, 0, 0, 0],
        "request.result.not_processed.petition": [1, 0, 0, 0, 0, 0]}),
    "reviews": review_values([1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]),
}
T2021_A = {
    "art20": {("art20.regulations", "issued"): 1, ("art20.regulations", "repealed"): 0,
              ("art20.regulations", "in_force"): 12,
              ("art20.normative_docs", "issued"): 23, ("art20.normative_docs", "repealed"): 5,
              ("art20.normative_docs", "in_force"): 141,
              ("art20.licensing", "decisions"): 45211, ("art20.penalties", "decisions"): 3829,
              ("art20.enforcement", "decisions"): 204, ("art20.fees", "amount"): 1287.35},
    "requests": request_values("t2021", {
        "request.new": [233, 41, 2, 3, 7, 4], "request.carried_in": [11, 2, 0, 0, 1, 0],
        "request.result.granted": [98, 19, 1, 2, 3, 2], "request.result.partly_granted": [21, 4, 0, 0, 1, 0],
        "request.result.refused.state_secret": [1, 0, 0, 0, 0, 0],
        "request.result.refused.law_prohibited": [2, 1, 0, 0, 0, 0],
        "request.result.refused.third_party": [5, 1, 0, 0, 0, 0],
        "request.result.refused.internal_affairs": [1, 0, 0, 0, 0, 0],
        "request.result.refused.process_info": [4, 2, 0, 0, 1, 0],
        "request.result.refused.inquiry": [3, 0, 0, 0, 0, 0],
        "request.result.unavailable.not_held": [52, 9, 1, 1, 2, 1],
        "request.result.unavailable.needs_creation": [6, 1, 0, 0, 0, 0],
        "request.result.unavailable.unclear": [4, 0, 0, 0, 0, 0],
        "request.result.not_processed.petition": [9, 1, 0, 0, 0, 0],
        "request.result.not_processed.repeated": [7, 0, 0, 0, 0, 0],
        "request.result.not_processed.publications": [1, 0, 0, 0, 0, 0],
        "request.result.not_processed.mass_repeated": [3, 0, 0, 0, 0, 0],
        "request.result.not_processed.confirmation": [2, 1, 0, 0, 0, 0],
        "request.result.other.no_correction": [8, 1, 0, 0, 0, 0],
        "request.result.other.unpaid_fee": [0, 0, 0, 0, 0, 0],
        "request.result.other.misc": [3, 0, 0, 0, 0, 1]}),
    "reviews": review_values([6, 2, 1, 1], [3, 1, 0, 2], [1, 0, 0, 1]),
}
T2021_B = {
    "art20": {**T2021_A["art20"], **{("art20.regulations", "issued"): 0,
                                       ("art20.regulations", "in_force"): 0,
                                       ("art20.normative_docs", "issued"): 4,
                                       ("art20.normative_docs", "repealed"): 1,
                                       ("art20.normative_docs", "in_force"): 19,
                                       ("art20.licensing", "decisions"): 862,
                                       ("art20.fees", "amount"): 0}},
    "requests": request_values("t2021", {
        "request.new": [17, 3, 0, 0, 0, 0], "request.carried_in": [2, 0, 0, 0, 0, 0],
        "request.result.granted": [8, 2, 0, 0, 0, 0], "request.result.partly_granted": [1, 0, 0, 0, 0, 0],
        "request.result.refused.third_party": [1, 0, 0, 0, 0, 0],
        "request.result.unavailable.not_held": [5, 1, 0, 0, 0, 0],
        "request.result.other.misc": [1, 0, 0, 0, 0, 0]}),
    "reviews": review_values([0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]),
}

ART20_SPEC = {  # section: (title, column heads, rows of (label, code, dims))
    "t2019": [
        ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("规章", "art20.regulations"), ("规范性文件", "art20.normative_docs")],
         ["new_made", "new_published", "total_public"]),
        ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
         [("行政许可", "art20.licensing"), ("其他对外管理服务事项", "art20.other_services")],
         ["prev_items", "change", "decisions"]),
        ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
         [("行政处罚", "art20.penalties"), ("行政强制", "art20.enforcement")],
         ["prev_items", "change", "decisions"]),
        ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
         [("行政事业性收费", "art20.fees")], ["prev_items", "change"]),
        ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"],
         [("政府集中采购", "art20.procurement")], ["items", "amount"]),
    ],
    "t2021": [
        ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", "art20.regulations"), ("行政规范性文件", "art20.normative_docs")],
         ["issued", "repealed", "in_force"]),
        ("第二十条第（五）项", ["信息内容", "本年处理决定数量"],
         [("行政许可", "art20.licensing")], ["decisions"]),
        ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
         [("行政处罚", "art20.penalties"), ("行政强制", "art20.enforcement")], ["decisions"]),
        ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"],
         [("行政事业性收费", "art20.fees")], ["amount"]),
    ],
}


def num(v):
    return ("%g" % v) if isinstance(v, float) else str(v)


# ---- markup styles -----------------------------------------------------------------------------

class Clean:
    """A CMS editor (TRS, Hanweb): quoted attributes, <p> in cells, styles inline."""
    table_open = '<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%">'
    row_open, row_close = "<tr>", "</tr>"

    def cell(self, text, colspan=1, rowspan=1, head=False):
        attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        tag = "th" if head else "td"
        inner = text if text != "" else "&nbsp;"
        return f'<{tag}{attrs} valign="middle"><p style="text-align:center;">{inner}</p></{tag}>'

    def table_end(self, rows):
        return ""

    def para(self, text):
        return f'<p style="text-indent:2em;line-height:1.75;">{text}</p>'

    def heading(self, text):
        return f'<p style="text-indent:2em;"><strong>{text}</strong></p>'


class Word:
    # Word writes list numbers between downlevel-revealed marks when saving a page and between
    # conditional comments when copying to the clipboard; the fixtures hold both
    list_marks = ("<![if !supportLists]>", "<![endif]>")
    """Word's "save as web page": unquoted attributes, mso styles, <o:p>, &nbsp; cells, lists
    numbered inside <!--[if !supportLists]--> and source lines wrapped inside the text."""
    table_open = ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
                  " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
                  " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
    row_open, row_close = "<tr style='mso-yfti-irow:0;height:20.25pt'>", "</tr>"

    def __init__(self, list_marks=None):
        if list_marks:
            self.list_marks = list_marks

    def wrapped(self, text):
        """Word breaks its source lines at about 70 columns: at spaces, or between two Chinese
        characters (never inside a number or an entity)."""
        out, line = [], ""
        for i, ch in enumerate(text):
            line += ch
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if len(line) >= 34 and ord(ch) > 0x2E80 and nxt and ord(nxt) > 0x2E80:
                out.append(line)
                line = ""
        out.append(line)
        return "\n".join(out)

    def cell(self, text, colspan=1, rowspan=1, head=False):
        attrs = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
        inner = (f"<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>"
                 f"{self.wrapped(text)}<span lang=EN-US><o:p></o:p></span></span>") if text != "" else \
                "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>"
        return (f"<td width=64{attrs} style='width:48.0pt;border:solid windowtext 1.0pt;\n"
                f"  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                f"  <p class=MsoNormal align=center style='text-align:center'>{inner}</p>\n  </td>")

    def table_end(self, rows):
        """Word closes a table whose columns do not line up with a row of empty spacer cells."""
        width = max(sum(1 if isinstance(c, str) else c[1] for c in row) for row in rows)
        return ("<![if !supportMisalignedColumns]>\n<tr height=0>\n" +
                "\n".join(" <td width=64 style='border:none'></td>" for _ in range(width)) +
                "\n</tr>\n<![endif]>")

    def para(self, text):
        return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>"
                f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{self.wrapped(text)}"
                f"<span lang=EN-US><o:p></o:p></span></span></p>")

    def heading(self, text):
        number, _, rest = text.partition("、")
        return (f"<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'>"
                f"{self.list_marks[0]}<span style='font-size:16.0pt;font-family:黑体'><span style='mso-list:Ignore'>{number}、"
                f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span>{self.list_marks[1]}"
                f"<span style='font-size:16.0pt;font-family:黑体'>{rest}<span lang=EN-US><o:p></o:p></span></span></p>"
                if rest else self.para(text))


class Old:
    """An old table-layout site: upper-case tags, unclosed <P> and <TD>, <FONT>."""
    table_open = "<TABLE width=\"96%\" border=1 cellPadding=2 cellSpacing=0 borderColor=#000000>"
    row_open, row_close = "<TR>", ""

    def cell(self, text, colspan=1, rowspan=1, head=False):
        attrs = (f" colSpan={colspan}" if colspan > 1 else "") + (f" rowSpan={rowspan}" if rowspan > 1 else "")
        return f"<TD{attrs} align=middle><FONT size=2>{text if text != '' else '&nbsp;'}</FONT>"

    def table_end(self, rows):
        return ""

    def para(self, text):
        return f"<P>&nbsp;&nbsp;&nbsp;&nbsp;{text}"

    def heading(self, text):
        return f"<P><B>{text}</B>"


def table(style, rows):
    """rows: lists of (text, colspan, rowspan) or plain text."""
    out = [style.table_open, "<tbody>"]
    for row in rows:
        cells = []
        for c in row:
            text, cs, rs = (c, 1, 1) if isinstance(c, str) else c
            cells.append(style.cell(text, cs, rs))
        out.append(style.row_open + "\n" + "\n".join(cells) + "\n" + style.row_close)
    out += [style.table_end(rows), "</tbody>", "</table>"]
    return "\n".join(out)


PAGE_BREAK = ("\n<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\"'><br clear=all\n"
              "style='page-break-before:always'>\n</span>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n")


def legacy_table(style, values, head_value="统计数", page_break_at=None):
    """The form as one table, or cut in two where a page broke in Word (page_break_at: row)."""
    rows = [["统 计 指 标", "单位", head_value]]
    for label, unit, code in LEGACY_ROWS:
        if code is None:
            rows.append([label, "——", "——"])
        else:
            rows.append([label, unit, num(values[code])])
    if page_break_at:
        return table(style, rows[:page_break_at]) + PAGE_BREAK + table(style, rows[page_break_at:])
    return table(style, rows)


def source_table(style, values, total):
    rows = [["申请来源", "申请数（件）", "占比（%）"]]
    for label, key in SOURCE_ROWS:
        count, share = values[key]
        rows.append([label, str(count), share + "%"])
    rows.append(["政府信息公开申请总数", str(total), ""])
    return table(style, rows)


def art20_tables(style, form, values, split=False):
    """The 第二十条 table, as one table (the form) or one per item (split, as many sites do)."""
    tables, rows = [], []
    width = 4
    for title, heads, items, dims in ART20_SPEC[form]:
        part = [[(title, width, 1)]]
        last_span = width - len(heads) + 1
        part.append(heads[:-1] + [(heads[-1], last_span, 1)])
        for label, code in items:
            vals = [num(values[(code, d)]) for d in dims]
            part.append([label] + vals[:-1] + [(vals[-1], last_span, 1)])
        if split:
            tables.append(table(style, part))
        else:
            rows += part
    return tables if split else [table(style, rows)]


def request_table(style, form, values, word_grid=False):
    """word_grid: the 商业企业 column spans two columns of Word's grid (colspan="2" on every cell
    of it, as pasted Word tables often have)."""
    n_results = sum(len(w) if isinstance(w, list) else 1 for _, w in REQUEST_ROWS[form]) + 1
    wide = 1 if word_grid else 0

    def numbers(vs):
        return [(num(v), 1 + wide, 1) if i == 1 else num(v) for i, v in enumerate(vs)]

    rows = [
        [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 7 + wide, 1)],
        [("自然人", 1, 2), ("法人或其他组织", 5 + wide, 1), ("总计", 1, 2)],
        [(APPLICANT_HEADS[0], 1 + wide, 1)] + APPLICANT_HEADS[1:],
        [("一、本年新收政府信息公开申请数量", 3, 1)] + numbers(values["request.new"]),
        [("二、上年结转政府信息公开申请数量", 3, 1)] + numbers(values["request.carried_in"]),
    ]
    first = True
    for label, what in REQUEST_ROWS[form]:
        lead = [("三、本年度办理结果", 1, n_results)] if first else []
        first = False
        if isinstance(what, list):
            for i, (sub, code) in enumerate(what):
                group = [(label, 1, len(what))] if i == 0 else []
                rows.append(lead + group + [sub] + numbers(values[code]))
                lead = []
        else:
            rows.append(lead + [(label, 2, 1)] + numbers(values[what]))
    rows.append([("（七）总计", 2, 1)] + numbers(values["request.result.total"]))
    rows.append([("四、结转下年度继续办理", 3, 1)] + numbers(values["request.carried_out"]))
    return table(style, rows)


def review_table(style, values):
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [("行政复议", 5, 1), ("行政诉讼", 10, 1)],
        [(h, 1, 2) for h in heads] + [("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)],
        heads + heads,
        [num(values[c]) for c in REVIEW_CODES],
    ]
    return table(style, rows)


# ---- expected rows -----------------------------------------------------------------------------

def expected_legacy(values, source=None, total=None):
    rows = [(code, "", num(values[code])) for _, _, code in LEGACY_ROWS if code]
    if source:
        for _, key in SOURCE_ROWS:
            count, share = source[key]
            rows.append((f"request.source.{key}", "count", str(count)))
            rows.append((f"request.source.{key}", "share", "%g" % float(share)))
        rows.append(("request.source.total", "count", str(total)))
    return rows


def expected_form(form, data):
    rows = [(code, dim, num(v)) for (code, dim), v in data["art20"].items()]
    dims = APPLICANTS + ["total"]
    for code, vals in data["requests"].items():
        rows += [(code, d, num(v)) for d, v in zip(dims, vals)]
    rows += [(code, "", num(v)) for code, v in data["reviews"].items()]
    return rows


# ---- the pages ---------------------------------------------------------------------------------

CMS_HEAD = """<!DOCTYPE html>
<html>
<head>
{meta}
<title>{title}_政府信息公开年报_{site}</title>
<link rel="stylesheet" href="/images/2020/style.css">
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body>
<div class="header"><div class="top-bar"><a href="/">{site}</a> | <a href="/wza/">无障碍</a> | <a href="/en/">English</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<table class="xxgk_table" width="100%"><tr><td>索引号：</td><td>{index_no}</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>{issuer}</td><td>成文日期：</td><td>{date}</td></tr></table>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="article-info">发布时间：{date} 来源：{issuer} <span class="print"><a href="javascript:window.print()">【打印本页】</a></span></div>
<div class="TRS_Editor" id="zoom">
"""
CMS_TAIL = """</div>
</div>
<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin" data-cmd="weixin"></a><a class="bds_tsina" data-cmd="tsina"></a></div>
<div class="footer"><p>主办：{site}办公室 承办：{site}大数据中心</p><p>网站标识码：3310020001 浙ICP备05012345号 浙公网安备 33100202000123号</p></div>
<script type="text/javascript">window._bd_share_config = {{"common": {{}}}};</script>
</body>
</html>
"""

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset={charset}">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>办公室</o:Author>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:22.0pt;font-family:方正小标宋简体'>{title}<span lang=EN-US><o:p></o:p></span></span></b></p>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
"""
WORD_TAIL = """
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

</div>

</body>

</html>
"""


def narrative(style, issuer, year, form, lead_numbers):
    total, requests = lead_numbers
    ps = [style.para(f"本报告根据《中华人民共和国政府信息公开条例》要求，由{issuer}办公室编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"),
          style.heading("一、总体情况"),
          style.para(f"{year}年，{issuer}认真贯彻落实政务公开各项工作要求，全年主动公开政府信息{total}条，"
                     f"受理政府信息公开申请{requests}件，均在法定期限内予以答复。")]
    return "\n".join(ps)


def with_title(meta, title):
    """The page's title and year join its expected metadata."""
    return {**meta, "title": title, "year": re.search(r"(\d{4})年", title).group(1)}


def write(dir_, name, text, encoding, expected, meta):
    data = text.encode(encoding)
    with open(os.path.join(dir_, name), "wb") as f:
        f.write(data)
    write_expected_only(dir_, name, expected, meta)


def cms_page(meta_tag, title, issuer, date, body, site="台州市人民政府"):
    return (CMS_HEAD.format(meta=meta_tag, title=title, site=site, issuer=issuer, date=date,
                            index_no="001008003/2021-00123") + body + CMS_TAIL.format(site=site))


def form_body(style, form, data, issuer, year, split=False, notes=True, word_grid=False):
    parts = [narrative(style, issuer, year, form, (3000 + year, sum(data["requests"]["request.new"][-1:])))]
    parts.append(style.heading("二、主动公开政府信息情况"))
    parts += art20_tables(style, form, data["art20"], split)
    parts.append(style.heading("三、收到和处理政府信息公开申请情况"))
    parts.append(request_table(style, form, data["requests"], word_grid))
    parts.append(style.heading("四、政府信息公开行政复议、行政诉讼情况"))
    parts.append(review_table(style, data["reviews"]))
    if notes:
        parts.append(style.heading("五、存在的主要问题及改进情况"))
        parts.append(style.para("一是公开内容的规范性有待提升；二是政策解读形式还不够丰富。下一步将加强培训，提升公开质量。"))
        parts.append(style.heading("六、其他需要报告的事项"))
        parts.append(style.para("无。"))
    return "\n".join(parts)


def legacy_body(style, values, issuer, year, extra="", page_break_at=None):
    parts = [narrative(style, issuer, year, "legacy", (values["active.total"], values["request.received"])),
             style.heading("二、主动公开政府信息情况"),
             style.para(f"全年主动公开政府信息{values['active.total']}条，其中规范性文件{values['active.normative']}条。"),
             style.heading("三、附表"),
             style.para("政府信息公开情况统计表"),
             legacy_table(style, values, page_break_at=page_break_at), extra]
    return "\n".join(parts)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    n_form = lambda form, split=False: (len(ART20_SPEC[form]) if split else 1) + 2

    # 1. Word export, GBK declared in http-equiv, legacy form
    w = Word()
    title = "椒江区人民政府2017年政府信息公开工作年度报告"
    page = WORD_HEAD.format(charset="gb2312", title=title) + legacy_body(w, LEGACY_A, "椒江区人民政府", 2017) + WORD_TAIL
    write(out, "legacy_word_gbk.htm", page, "gbk", expected_legacy(LEGACY_A),
          with_title({"encoding": "GB18030", "template": "legacy", "tables": 1}, title))

    # 1b. the same export where Word cut the table at a page break: two tables, one form
    title = "椒江区人民政府2017年政府信息公开工作年度报告"
    page = WORD_HEAD.format(charset="gb2312", title=title) + legacy_body(w, LEGACY_A, "椒江区人民政府", 2017, page_break_at=31) + WORD_TAIL
    write(out, "legacy_word_page_break_gbk.htm", page, "gbk", expected_legacy(LEGACY_A),
          with_title({"encoding": "GB18030", "template": "legacy", "tables": 2}, title))

    # 2. old table-layout site, UTF-8 without any charset, legacy + 申请来源统计表
    o = Old()
    title = "泰兴市人民政府2017年政府信息公开工作年度报告"
    inner = legacy_body(o, LEGACY_B, "泰兴市人民政府", 2017, extra=o.para("2017年度政府信息公开申请来源统计表") + "\n" +
                        source_table(o, SOURCE_B, LEGACY_B["request.received"]))
    page = ("<HTML><HEAD><TITLE>" + title + "</TITLE>\n"
            "<STYLE>TD {FONT-SIZE: 12px}</STYLE></HEAD>\n<BODY leftMargin=0 topMargin=0>\n"
            "<TABLE width=1000 align=center border=0 cellPadding=0 cellSpacing=0>\n"
            "<TR><TD colSpan=2><IMG src=\"/images/banner.jpg\" width=1000 height=120></TD></TR>\n"
            "<TR><TD width=200 vAlign=top class=leftmenu><A href=\"/\">首页</A><BR><A href=\"/xxgk/\">信息公开</A><BR><A href=\"/bsfw/\">办事服务</A></TD>\n"
            "<TD width=800 vAlign=top>\n<TABLE width=\"100%\" border=0><TR><TD align=middle><FONT size=4><B>" + title + "</B></FONT></TD></TR>\n"
            "<TR><TD>\n" + inner + "\n</TD></TR></TABLE>\n</TD></TR>\n"
            "<TR><TD colSpan=2 align=middle class=bottom>版权所有：泰兴市人民政府办公室 苏ICP备05001234号</TD></TR>\n"
            "</TABLE>\n</BODY></HTML>\n")
    write(out, "legacy_layout_utf8.html", page, "utf-8",
          expected_legacy(LEGACY_B, SOURCE_B, LEGACY_B["request.received"]),
          with_title({"encoding": "UTF-8", "template": "legacy", "tables": 2}, title))

    # 3. CMS page, GBK declared in http-equiv, t2019 as the form's three tables
    c = Clean()
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    title = "临海市人民政府2019年政府信息公开工作年度报告"
    page = cms_page(meta, title, "临海市人民政府办公室", "2020-01-20", form_body(c, "t2019", T2019_A, "临海市人民政府", 2019))
    write(out, "t2019_gbk_httpequiv.html", page, "gbk", expected_form("t2019", T2019_A),
          with_title({"encoding": "GB18030", "template": "t2019", "tables": n_form("t2019") + 1}, title))

    # 4. CMS page, HTML5 <meta charset="utf-8">, t2021
    meta = '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">'
    title = "台州市生态环境局2021年政府信息公开工作年度报告"
    page = cms_page(meta, title, "台州市生态环境局", "2022-01-25", form_body(c, "t2021", T2021_A, "台州市生态环境局", 2021))
    write(out, "t2021_utf8.html", page, "utf-8", expected_form("t2021", T2021_A),
          with_title({"encoding": "UTF-8", "template": "t2021", "tables": n_form("t2021") + 1}, title))

    # 5. Word export in GBK, t2021 (the most common way the forms reach the web)
    title = "三门县人民政府2021年政府信息公开工作年度报告"
    clip = Word(("<!--[if !supportLists]-->", "<!--[endif]-->"))
    page = WORD_HEAD.format(charset="gb2312", title=title) + form_body(clip, "t2021", T2021_B, "三门县人民政府", 2021) + WORD_TAIL
    write(out, "t2021_word_gbk.htm", page, "gbk", expected_form("t2021", T2021_B),
          with_title({"encoding": "GB18030", "template": "t2021", "tables": n_form("t2021")}, title))

    # 6. HTML5 <meta charset="gbk">, t2019 with the 第二十条 table split into one table per item
    meta = '<meta charset="gbk">'
    title = "仙居县人民政府2020年政府信息公开工作年度报告"
    page = cms_page(meta, title, "仙居县人民政府办公室", "2021-01-29", form_body(c, "t2019", T2019_B, "仙居县人民政府", 2020, split=True))
    write(out, "t2019_several_tables_gbk.html", page, "gbk", expected_form("t2019", T2019_B),
          with_title({"encoding": "GB18030", "template": "t2019", "tables": n_form("t2019", True) + 1}, title))

    # 7. declares gb2312 but was saved as UTF-8 (browsers' "save page" keeps the old meta)
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
    title = "温岭市人民政府2021年政府信息公开工作年度报告"
    page = cms_page(meta, title, "温岭市人民政府办公室", "2022-01-18", form_body(c, "t2021", T2021_B, "温岭市人民政府", 2021, notes=False))
    write(out, "t2021_misdeclared_utf8.html", page, "utf-8", expected_form("t2021", T2021_B),
          with_title({"encoding": "UTF-8", "template": "t2021", "tables": n_form("t2021") + 1}, title))

    # 8. saved by Internet Explorer: BOM, "saved from url" mark, upper-case unclosed markup, t2019
    title = "玉环市人民政府2019年政府信息公开工作年度报告"
    page = ("<!-- saved from url=(0064)http://www.yuhuan.gov.cn/art/2020/1/21/art_1229183_41588501.html -->\n"
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<HTML><HEAD>\n"
            "<META http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<TITLE>" + title + "</TITLE></HEAD>\n"
            "<BODY>\n<DIV class=main><H2 align=center>" + title + "</H2>\n" +
            form_body(o, "t2019", T2019_B, "玉环市人民政府", 2019) + "\n</DIV></BODY></HTML>\n")
    write(out, "t2019_ie_saved_bom.htm", page, "utf-8-sig", expected_form("t2019", T2019_B),
          with_title({"encoding": "UTF-8", "template": "t2019", "tables": n_form("t2019")}, title))

    # 9. Word "save as web page" in Unicode: UTF-16LE with BOM, legacy
    title = "天台县人民政府2016年政府信息公开工作年度报告"
    page = WORD_HEAD.format(charset="unicode", title=title) + legacy_body(w, LEGACY_A, "天台县人民政府", 2016) + WORD_TAIL
    with open(os.path.join(out, "legacy_word_utf16.htm"), "wb") as f:
        f.write(b"\xff\xfe" + page.encode("utf-16-le"))
    write_expected_only(out, "legacy_word_utf16.htm", expected_legacy(LEGACY_A),
                        with_title({"encoding": "UTF-16LE", "template": "legacy", "tables": 1}, title))

    # 10. ASP.NET page: everything inside <form>, the report in a "print-content" div, nested
    # layout tables three deep around the t2021 tables
    title = "路桥区人民政府2021年政府信息公开工作年度报告"
    body = form_body(c, "t2021", T2021_A, "路桥区人民政府", 2021)
    page = ("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
            "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" /><title>" + title + "</title></head>\n"
            "<body>\n<form name=\"form1\" method=\"post\" action=\"./show.aspx?id=8812\" id=\"form1\">\n"
            "<div><input type=\"hidden\" name=\"__VIEWSTATE\" id=\"__VIEWSTATE\" value=\"/wEPDwUKMTY1NDU2MTA1MmRk\" /></div>\n"
            "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/xxgk/\">信息公开</a></div>\n"
            "<table width=\"1000\" border=\"0\" align=\"center\"><tr><td>\n"
            "<table width=\"100%\"><tr><td class=\"location\">您现在的位置：首页 &gt; 信息公开 &gt; 年度报告</td></tr>\n"
            "<tr><td><table width=\"100%\"><tr><td>\n"
            "<div class=\"print-content\" id=\"printContent\">\n<h2 style=\"text-align:center\">" + title + "</h2>\n" + body +
            "\n</div>\n</td></tr></table></td></tr></table>\n</td></tr></table>\n"
            "<div class=\"footer\">版权所有 路桥区人民政府 技术支持：某某科技</div>\n</form>\n</body>\n</html>\n")
    write(out, "t2021_aspnet_nested.html", page, "utf-8", expected_form("t2021", T2021_A),
          with_title({"encoding": "UTF-8", "template": "t2021", "tables": n_form("t2021")}, title))

    # 11. GBK with no declaration at all: the bytes decide
    title = "黄岩区人民政府2018年政府信息公开工作年度报告"
    page = ("<html><head><title>" + title + "</title></head><body>\n<p align=center><b>" + title + "</b></p>\n" +
            legacy_body(c, LEGACY_B, "黄岩区人民政府", 2018) + "\n</body></html>\n")
    write(out, "legacy_undeclared_gbk.html", page, "gbk", expected_legacy(LEGACY_B),
          with_title({"encoding": "GB18030", "template": "legacy", "tables": 1}, title))

    # 12. saved by Chrome as one file (.mhtml): UTF-8 page, quoted-printable, soft line breaks
    # cutting characters in half
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
    title = "椒江区财政局2021年政府信息公开工作年度报告"
    page = cms_page(meta, title, "椒江区财政局", "2022-01-25", form_body(c, "t2021", T2021_A, "椒江区财政局", 2021))
    archive = mime_archive("Blink", "----MultipartBoundary--tQ1sVf4CzPnxgmO8----", page.encode("utf-8"),
                           "Content-Type: text/html\r\nContent-ID: <frame-7A1B@mhtml.blink>\r\n", "quoted-printable")
    with open(os.path.join(out, "t2021_chrome_saved.mhtml"), "w", encoding="ascii", newline="") as f:
        f.write(archive)
    write_expected_only(out, "t2021_chrome_saved.mhtml", expected_form("t2021", T2021_A),
                        with_title({"encoding": "UTF-8", "template": "t2021", "tables": n_form("t2021") + 1}, title))

    # 13. saved by Internet Explorer as one file (.mht): a GBK page without a charset of its own
    # (the MIME header declares it), base64
    title = "温岭市人民政府2016年政府信息公开工作年度报告"
    page = ("<html><head><title>" + title + "</title></head><body>\n<p align=center><b>" + title + "</b></p>\n" +
            legacy_body(c, LEGACY_A, "温岭市人民政府", 2016) + "\n</body></html>\n")
    archive = mime_archive("Windows Internet Explorer 8", "----=_NextPart_000_0000_01D81197.5E0C9B40",
                           page.encode("gbk"), "Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\n", "base64",
                           preamble="This is a multi-part message in MIME format.\r\n\r\n")
    with open(os.path.join(out, "legacy_ie_saved_gbk.mht"), "w", encoding="ascii", newline="") as f:
        f.write(archive)
    write_expected_only(out, "legacy_ie_saved_gbk.mht", expected_legacy(LEGACY_A),
                        with_title({"encoding": "GB18030", "template": "legacy", "tables": 1}, title))

    # 14. a Word table pasted into a CMS editor: the 商业企业 column spans two columns of Word's
    # grid, so each of its numbers is one cell with colspan="2"; a 说明 row across the bottom
    title = "平潭综合实验区2021年度政府信息公开工作年度报告"
    body = form_body(w, "t2021", T2021_B, "平潭综合实验区", 2021, word_grid=True)
    note = ("<tr><td colspan=11 style='border:solid windowtext 1.0pt'><p class=MsoNormal>说明：本表统计范围为实验区管委会"
            "各部门及各乡镇人民政府；申请人情况按申请人类别统计，同一申请人在同一年度内提出多件申请的分别计数；"
            "本年度办理结果按答复时的处理情况统计，结转下年度继续办理的申请不计入本年度办理结果；"
            "表中数据由各单位自行填报并经实验区政府信息公开工作领导小组办公室审核汇总。</p></td></tr>")
    marker = "四、结转下年度继续办理"
    at = body.index("</tbody>", body.index(marker))
    body = body[:at] + note + "\n" + body[at:]
    page = WORD_HEAD.format(charset="utf-8", title=title) + body + WORD_TAIL
    write(out, "t2021_word_grid_utf8.htm", page, "utf-8", expected_form("t2021", T2021_B),
          with_title({"encoding": "UTF-8", "template": "t2021", "tables": n_form("t2021")}, title))


def mime_archive(saved_by, boundary, html_bytes, html_headers, encoding, preamble=""):
    """A web page saved as one file (.mht / .mhtml): MIME headers, the page as its first part in
    the given transfer encoding, then a picture, as browsers write them."""
    if encoding == "quoted-printable":
        body = quopri.encodestring(html_bytes).decode("ascii")
    else:
        raw = base64.b64encode(html_bytes).decode("ascii")
        body = "\r\n".join(raw[i:i + 76] for i in range(0, len(raw), 76))
    picture = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(48))).decode("ascii")
    return (f"From: <Saved by {saved_by}>\r\nSubject: =?utf-8?B?5bm05bqm5oql5ZGK?=\r\n"
            "Date: Tue, 25 Jan 2022 09:30:00 +0800\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n"
            f"{preamble}--{boundary}\r\n{html_headers}Content-Transfer-Encoding: {encoding}\r\n"
            "Content-Location: http://www.example.gov.cn/art/2022/1/25/art_1.html\r\n\r\n"
            f"{body}\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: http://www.example.gov.cn/images/logo.png\r\n\r\n{picture}\r\n--{boundary}--\r\n")


def write_expected_only(dir_, name, expected, meta):
    with open(os.path.join(dir_, name.rsplit(".", 1)[0] + ".expected.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# expected rows of {name}: metadata lines (@), then code, dim, value of every table cell\n")
        for k, v in meta.items():
            f.write(f"@{k}\t{v}\n")
        for code, dim, value in expected:
            f.write(f"{code}\t{dim}\t{value}\n")


if __name__ == "__main__":
    main()
