/* Checks: every rule of rules.def, one row per rule instance (per dim, per stated share, per
 * indicator compared). A rule whose input is missing is skipped with a message naming what is
 * missing; it never fails on an absent value. Rule ids and severities come from rules.def. */
#include "internal.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERMS 16

/* The applicant columns of the section 三 table (t2019/t2021), with their headings. */
static const char *const applicant_dims[] = {"natural_person", "business", "research", "nonprofit",
                                             "legal_service", "other_org", "total", NULL};
static const char *const applicant_names[] = {"自然人", "商业企业", "科研机构", "社会公益组织",
                                              "法律服务机构", "其他", "总计"};
static const char *const source_count_dim[] = {"count", NULL};

/* ---- small helpers -------------------------------------------------------------------------- */

static const char *fmt_number(gipr_ctx *c, double v)
{
    return gipr_arena_printf(c->arena, "%.12g", v);
}

static const char *dim_name(const char *dim)
{
    for (int i = 0; dim && applicant_dims[i]; i++)
        if (strcmp(dim, applicant_dims[i]) == 0)
            return applicant_names[i];
    return dim;
}

/* "[自然人] " before a message about one column, "" otherwise (and for the only count column) */
static const char *dim_prefix(gipr_ctx *c, const char *dim)
{
    return dim && strcmp(dim, "count") != 0 ? gipr_arena_printf(c->arena, "[%s] ", dim_name(dim)) : "";
}

static int has_template(const char *list, const char *name)
{
    if (!list || !name)
        return 0;
    size_t n = strlen(name);
    for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
        if ((p == list || p[-1] == ',') && (p[n] == 0 || p[n] == ','))
            return 1;
    return 0;
}

/* The template the rules of a report are chosen by: the form of its table, else its year. */
static const char *report_form(const gipr_report *r)
{
    const char *t = gipr_template_name(r->template_);
    if (t)
        return t;
    if (r->year >= 2021)
        return "t2021";
    return r->year >= 2019 ? "t2019" : r->year ? "legacy" : NULL;
}

static int rule_applies(const gipr_report *r, const char *rule)
{
    const gipr_rule *g = gipr_rule_find(rule);
    return g && has_template(g->templates, report_form(r));
}

static int code_in_form(const gipr_report *r, const char *code)
{
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    return e && has_template(e->templates, report_form(r));
}

/* The official label of a code, short: "（四）不同意公开答复数" -> "不同意公开答复数". */
static const char *code_label(gipr_ctx *c, const char *code)
{
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    if (!e)
        return code;
    size_t n = strlen(e->label), start = gipr_list_number_len(e->label, n);
    const char *cut = e->label + n;
    const char *paren[] = {"（", "(", " "};
    for (size_t i = 0; i < sizeof paren / sizeof paren[0]; i++) {
        const char *p = strstr(e->label + start, paren[i]);
        if (p && p > e->label + start && p < cut)
            cut = p;
    }
    char key[256];
    gipr_label_key(e->label, (size_t)(cut - e->label), key, sizeof key);
    return key[0] ? gipr_arena_strdup(c->arena, key) : code;
}

static gipr_check *add_check(gipr_ctx *c, const char *rule, gipr_status status, const char *dim,
                             const char *expected, const char *actual, int line, const char *message)
{
    const gipr_rule *g = gipr_rule_find(rule);
    gipr_check *k = gipr_add_check(c);
    if (!k)
        return NULL;
    k->rule = g ? g->rule : rule;
    k->severity = g ? g->severity : "warning";
    k->status = status;
    k->dim = dim;
    k->expected = expected;
    k->actual = actual;
    k->line = line;
    k->message = message;
    return k;
}

static gipr_check *skip(gipr_ctx *c, const char *rule, const char *dim, const char *message)
{
    return add_check(c, rule, GIPR_CHECK_SKIP, dim, NULL, NULL, 0, message);
}

static int same_dim(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

static const gipr_indicator *find_row(const gipr_report *r, const char *code, const char *dim,
                                      gipr_source source)
{
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (x->source == source && strcmp(x->code, code) == 0 && same_dim(x->dim, dim))
            return x;
    }
    return NULL;
}

static int is_aggregate(const char *code)
{
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    return e && e->note && strstr(e->note, "aggregate"); /* its sub-rows decide, per form */
}

/* The codes whose catalog parent is `code`, in the report's form. Returns how many. */
static int children_of(const gipr_report *r, const char *code, const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < gipr_catalog_count && n < cap; i++)
        if (strcmp(gipr_catalog[i].parent, code) == 0 && code_in_form(r, gipr_catalog[i].code))
            out[n++] = gipr_catalog[i].code;
    return n;
}

/* A table value. Aggregate rows of 表三 the form leaves empty are derived as the sum of their
 * sub-rows. Returns 1 with *v (and *line when known); 0 when missing, *missing naming what. */
static int table_value(const gipr_report *r, const char *code, const char *dim, double *v,
                       int *line, const char **missing)
{
    const gipr_indicator *x = find_row(r, code, dim, GIPR_SOURCE_TABLE);
    if (x) {
        *v = x->value;
        if (line && !*line)
            *line = x->line;
        return 1;
    }
    *missing = code;
    if (!is_aggregate(code))
        return 0;
    const char *kids[MAX_TERMS];
    int n = children_of(r, code, kids, MAX_TERMS);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        double k;
        if (!table_value(r, kids[i], dim, &k, line, missing))
            return 0;
        sum += k;
    }
    if (n == 0)
        return 0;
    *v = sum;
    return 1;
}

static int any_table_value(const gipr_report *r, const char *const *codes, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < r->nindicators; j++)
            if (r->indicators[j].source == GIPR_SOURCE_TABLE &&
                strcmp(r->indicators[j].code, codes[i]) == 0)
                return 1;
    return 0;
}

/* The codes of the report's form whose catalog note is `note` (e.g. the channels of 主动公开). */
static int codes_with_note(const gipr_report *r, const char *note, const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < gipr_catalog_count && n < cap; i++)
        if (strcmp(gipr_catalog[i].note, note) == 0 && code_in_form(r, gipr_catalog[i].code))
            out[n++] = gipr_catalog[i].code;
    return n;
}

/* "a + b + c" of the labels of codes */
static const char *labels_joined(gipr_ctx *c, const char *const *codes, int n)
{
    gipr_strbuf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            gipr_sb_adds(&b, " + ");
        gipr_sb_adds(&b, code_label(c, codes[i]));
    }
    const char *s = b.s ? gipr_arena_strdup(c->arena, b.s) : "";
    gipr_sb_free(&b);
    return s;
}

/* ---- identities of the tables ---------------------------------------------------------------- */

typedef enum {
    REL_EQUAL,      /* Σ lhs = Σ rhs */
    REL_PART_LE,    /* the single rhs (an of-which row) ≤ lhs */
    REL_NOT_ABOVE   /* lhs ≤ Σ rhs */
} relation;

/* One instance: look the terms up, then pass, fail, or skip naming the first missing term. */
static void check_relation(gipr_ctx *c, const char *rule, relation rel, const char *dim,
                           const char *const *lhs, int nl, const char *const *rhs, int nr,
                           const char *rhs_name)
{
    const gipr_report *r = c->r;
    double left = 0, right = 0;
    int line = 0;
    const char *missing = NULL;
    for (int i = 0; i < nl + nr; i++) {
        const char *code = i < nl ? lhs[i] : rhs[i - nl];
        double v;
        if (!table_value(r, code, dim, &v, &line, &missing)) {
            skip(c, rule, dim, gipr_arena_printf(c->arena, "%s缺少 %s", dim_prefix(c, dim), missing));
            return;
        }
        *(i < nl ? &left : &right) += v;
    }
    const char *lname = nl == 1 ? code_label(c, lhs[0]) : labels_joined(c, lhs, nl);
    const char *rname = rhs_name ? rhs_name : labels_joined(c, rhs, nr);
    const char *p = dim_prefix(c, dim), *L = fmt_number(c, left), *R = fmt_number(c, right);
    int ok;
    const char *msg;
    switch (rel) {
    case REL_PART_LE:
        ok = right <= left;
        msg = gipr_arena_printf(c->arena, "%s%s %s %s %s %s", p, rname, R, ok ? "≤" : ">", lname, L);
        add_check(c, rule, ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, dim,
                  gipr_arena_printf(c->arena, "<= %s", L), R, line, msg);
        return;
    case REL_NOT_ABOVE:
        ok = left <= right;
        msg = gipr_arena_printf(c->arena, "%s%s %s %s %s %s", p, lname, L, ok ? "≤" : ">", rname, R);
        add_check(c, rule, ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, dim,
                  gipr_arena_printf(c->arena, "<= %s", R), L, line, msg);
        return;
    case REL_EQUAL:
        ok = fabs(left - right) < 1e-6;
        msg = gipr_arena_printf(c->arena, "%s%s %s %s %s %s", p, lname, L, ok ? "=" : "≠", rname, R);
        add_check(c, rule, ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, dim, R, L, line, msg);
        return;
    }
}

/* A total and its parts: the parts are the catalog children of the total unless listed. */
typedef struct {
    const char *rule;
    relation rel;
    const char *total;
    const char *parts_note;    /* the parts are the codes with this catalog note; NULL: the
                                  catalog children of the total */
    const char *const *dims;   /* NULL-terminated, or NULL for codes without dims */
    const char *parts_name;    /* how the message calls the right-hand side */
    int needs_total_row;       /* the total must be a row of the table, not derived */
} identity;

static const identity identities[] = {
    {"L-RECEIVED", REL_EQUAL, "request.received", NULL, NULL, "各渠道之和", 0},
    {"L-CLOSED", REL_EQUAL, "request.closed", NULL, NULL, "按时与延期办结之和", 0},
    {"L-ANSWERED", REL_EQUAL, "request.answered", NULL, NULL, "其中各项之和", 0},
    {"L-REFUSED", REL_EQUAL, "request.answered.refused", NULL, NULL, "其中各项之和", 0},
    {"L-REVIEW", REL_EQUAL, "review.total", NULL, NULL, "各项结果之和", 0},
    {"L-LITIGATION", REL_EQUAL, "litigation.total", NULL, NULL, "各项结果之和", 0},
    {"L-STAFF", REL_EQUAL, "org.staff", NULL, NULL, "专职与兼职之和", 0},
    {"L-SOURCE", REL_EQUAL, "request.source.total", NULL, source_count_dim, "各类申请人之和", 0},
    {"L-LEADER-PRESS", REL_PART_LE, "response.press_conferences", NULL, NULL, NULL, 0},
    {"L-LEADER-INTERVIEW", REL_PART_LE, "response.online_interviews", NULL, NULL, NULL, 0},
    {"L-NORMATIVE", REL_PART_LE, "active.total", NULL, NULL, NULL, 0},
    {"L-CHANNELS", REL_NOT_ABOVE, "active.total", "channel", NULL, "各渠道之和", 0},
    {"T3-SUBTOTAL", REL_EQUAL, "request.result.refused", NULL, applicant_dims, "其中各项之和", 1},
    {"T3-SUBTOTAL", REL_EQUAL, "request.result.unavailable", NULL, applicant_dims, "其中各项之和", 1},
    {"T3-SUBTOTAL", REL_EQUAL, "request.result.not_processed", NULL, applicant_dims, "其中各项之和", 1},
    {"T3-SUBTOTAL", REL_EQUAL, "request.result.other", NULL, applicant_dims, "其中各项之和", 1},
    {"T3-RESULT-TOTAL", REL_EQUAL, "request.result.total", NULL, applicant_dims, "各项结果之和", 0},
    {"T4-REVIEW", REL_EQUAL, "review.total", NULL, NULL, "各项结果之和", 0},
    {"T4-LIT-DIRECT", REL_EQUAL, "litigation.direct.total", NULL, NULL, "各项结果之和", 0},
    {"T4-LIT-AFTER", REL_EQUAL, "litigation.after_review.total", NULL, NULL, "各项结果之和", 0},
};

static void check_identity(gipr_ctx *c, const identity *id)
{
    const gipr_report *r = c->r;
    const char *parts[MAX_TERMS];
    int np = 0;
    if (id->parts_note)
        np = codes_with_note(r, id->parts_note, parts, MAX_TERMS);
    else
        np = children_of(r, id->total, parts, MAX_TERMS);
    if (np == 0) /* e.g. （六）其他处理 has sub-rows on the 2021 form only */
        return;
    const char *everything[MAX_TERMS + 1] = {id->total};
    memcpy(everything + 1, parts, (size_t)np * sizeof *parts);
    if (!any_table_value(r, everything, np + 1)) {
        skip(c, id->rule, NULL, gipr_arena_printf(c->arena, "缺少 %s", id->total));
        return;
    }
    if (id->needs_total_row && !any_table_value(r, everything, 1)) {
        skip(c, id->rule, NULL, gipr_arena_printf(c->arena, "表中无 %s 汇总数", id->total));
        return;
    }
    static const char *const no_dim[] = {NULL, NULL};
    const char *const *dims = id->dims ? id->dims : no_dim; /* one instance without a dim */
    for (int d = 0; d == 0 || dims[d]; d++) {
        if (id->rel == REL_PART_LE) /* each of-which row on its own */
            for (int i = 0; i < np; i++)
                check_relation(c, id->rule, id->rel, dims[d], &id->total, 1, parts + i, 1, NULL);
        else
            check_relation(c, id->rule, id->rel, dims[d], &id->total, 1, parts, np, id->parts_name);
    }
}

/* L-SOURCE, second half: the applicant table's total (its count column) equals the requests
 * received of the statistics table. */
static void check_source_received(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    const gipr_indicator *total = find_row(r, "request.source.total", "count", GIPR_SOURCE_TABLE);
    const gipr_indicator *received = find_row(r, "request.received", NULL, GIPR_SOURCE_TABLE);
    if (!total)
        return;
    if (!received) {
        skip(c, "L-SOURCE", NULL, "缺少 request.received");
        return;
    }
    int ok = fabs(total->value - received->value) < 1e-6;
    const char *T = fmt_number(c, total->value), *R = fmt_number(c, received->value);
    add_check(c, "L-SOURCE", ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, "count", R, T, total->line,
              gipr_arena_printf(c->arena, "%s %s %s %s %s", code_label(c, total->code), T,
                                ok ? "=" : "≠", code_label(c, received->code), R));
}

/* T3-BALANCE: new + carried in = decided + carried out, per applicant column. */
static void check_balance(gipr_ctx *c)
{
    static const char *const in[] = {"request.new", "request.carried_in"};
    static const char *const out[] = {"request.result.total", "request.carried_out"};
    const char *all[] = {in[0], in[1], out[0], out[1]};
    if (!any_table_value(c->r, all, 4)) {
        skip(c, "T3-BALANCE", NULL, "缺少表三 (收到和处理政府信息公开申请情况)");
        return;
    }
    for (int d = 0; applicant_dims[d]; d++)
        check_relation(c, "T3-BALANCE", REL_EQUAL, applicant_dims[d], in, 2, out, 2, NULL);
}

/* T3-ROW-TOTAL: in every row of 表三 the 总计 column sums the applicant columns. */
static void check_row_totals(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    int rows = 0;
    for (int i = 0; i < gipr_catalog_count; i++) {
        const char *code = gipr_catalog[i].code;
        if (strcmp(gipr_catalog[i].dims, "applicant") != 0 || !code_in_form(r, code) ||
            !any_table_value(r, &code, 1))
            continue;
        rows++;
        double total = 0, sum = 0;
        int line = 0, ok = 1;
        const char *missing = NULL;
        for (int d = 0; ok && applicant_dims[d]; d++) {
            double v;
            const gipr_indicator *x = find_row(r, code, applicant_dims[d], GIPR_SOURCE_TABLE);
            ok = x != NULL;
            if (!x) {
                missing = applicant_dims[d];
                break;
            }
            v = x->value;
            if (!line)
                line = x->line;
            *(applicant_dims[d + 1] ? &sum : &total) += v;
        }
        const char *label = code_label(c, code);
        if (!ok) {
            skip(c, "T3-ROW-TOTAL", "total",
                 gipr_arena_printf(c->arena, "%s: 缺少 %s[%s]", label, code, missing));
            continue;
        }
        int pass = fabs(total - sum) < 1e-6;
        add_check(c, "T3-ROW-TOTAL", pass ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, "total",
                  fmt_number(c, sum), fmt_number(c, total), line,
                  gipr_arena_printf(c->arena, "%s: 总计 %s %s 各类申请人之和 %s", label,
                                    fmt_number(c, total), pass ? "=" : "≠", fmt_number(c, sum)));
    }
    if (!rows)
        skip(c, "T3-ROW-TOTAL", NULL, "缺少表三 (收到和处理政府信息公开申请情况)");
}

static void check_identities(gipr_ctx *c)
{
    for (size_t i = 0; i < sizeof identities / sizeof identities[0]; i++)
        if (rule_applies(c->r, identities[i].rule))
            check_identity(c, &identities[i]);
    if (rule_applies(c->r, "L-SOURCE"))
        check_source_received(c);
    if (rule_applies(c->r, "T3-ROW-TOTAL"))
        check_row_totals(c);
    if (rule_applies(c->r, "T3-BALANCE"))
        check_balance(c);
}

/* ---- COUNT-INTEGER ---------------------------------------------------------------------------- */

static int is_count_unit(const char *unit)
{
    static const char *const units[] = {"条", "件", "次", "篇", "个", "人", "人次", NULL}; /* rules.def */
    for (int i = 0; unit && units[i]; i++)
        if (strcmp(unit, units[i]) == 0)
            return 1;
    return 0;
}

static void check_count_integer(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    int counted = 0, bad = 0;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (x->is_real || x->qualifier || !is_count_unit(x->unit))
            continue;
        counted++;
        /* 本年增/减 columns are changes: they may be negative */
        int may_be_negative = x->dim && strcmp(x->dim, "change") == 0;
        if (x->value == floor(x->value) && (x->value >= 0 || may_be_negative))
            continue;
        bad++;
        add_check(c, "COUNT-INTEGER", GIPR_CHECK_FAIL, x->dim, "非负整数", fmt_number(c, x->value),
                  x->line,
                  gipr_arena_printf(c->arena, "%s%s 为 %s, 不是非负整数", dim_prefix(c, x->dim),
                                    code_label(c, x->code), x->raw ? x->raw : fmt_number(c, x->value)));
    }
    if (!counted)
        skip(c, "COUNT-INTEGER", NULL, "未读出计数指标");
    else if (!bad)
        add_check(c, "COUNT-INTEGER", GIPR_CHECK_PASS, NULL, NULL, NULL, 0,
                  gipr_arena_printf(c->arena, "%d 个计数指标均为非负整数", counted));
}

/* ---- dates: PERIOD, YEAR, DEADLINE ------------------------------------------------------------ */

static int date_year(const char *iso)
{
    return iso && strlen(iso) >= 4 ? atoi(iso) : 0;
}

static void check_period(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    if (!r->period_start || !r->period_end || !r->year) {
        skip(c, "PERIOD", NULL, !r->year ? "缺少报告年度" : "缺少统计期限");
        return;
    }
    const char *start = gipr_arena_printf(c->arena, "%04d-01-01", r->year);
    const char *end = gipr_arena_printf(c->arena, "%04d-12-31", r->year);
    int ok = strcmp(start, r->period_start) == 0 && strcmp(end, r->period_end) == 0;
    add_check(c, "PERIOD", ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, NULL,
              gipr_arena_printf(c->arena, "%s..%s", start, end),
              gipr_arena_printf(c->arena, "%s..%s", r->period_start, r->period_end), 0,
              gipr_arena_printf(c->arena, "统计期限 %s 至 %s %s %d年全年", r->period_start,
                                r->period_end, ok ? "为" : "不是", r->year));
}

/* The first year written in the title: "2018年", "2018年度", "(2018)". */
static int title_year(const char *title)
{
    for (const char *p = title; p && *p; p++) {
        if (p[0] < '0' || p[0] > '9')
            continue;
        int n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        int y = atoi(p);
        if (n == 4 && y >= 1990 && y <= 2100)
            return y;
        p += n - 1;
    }
    return 0;
}

static void check_year(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    int ty = title_year(r->title), py = date_year(r->period_start ? r->period_start : r->period_end);
    if (!ty || !py) {
        skip(c, "YEAR", NULL, !ty ? "标题中缺少年度" : "缺少统计期限");
        return;
    }
    int ok = ty == py;
    add_check(c, "YEAR", ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, NULL,
              gipr_arena_printf(c->arena, "%d", ty), gipr_arena_printf(c->arena, "%d", py), 0,
              gipr_arena_printf(c->arena, "标题年度 %d %s 统计期限年度 %d", ty, ok ? "=" : "≠", py));
}

static void check_deadline(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    const char *date = r->signed_on ? r->signed_on : r->published;
    if (!date || !r->year) {
        skip(c, "DEADLINE", NULL, !r->year ? "缺少报告年度" : "缺少成文日期与发布日期");
        return;
    }
    /* 2008 regulations: 31 March; 2019 regulations (from the 2019 report): departments 31 January */
    int department = r->level && strcmp(r->level, "department") == 0;
    int january = department && r->year >= 2019 && (!report_form(r) || strcmp(report_form(r), "legacy"));
    const char *deadline = gipr_arena_printf(c->arena, "%04d-%s", r->year + 1, january ? "01-31" : "03-31");
    int ok = strcmp(date, deadline) <= 0;
    add_check(c, "DEADLINE", ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, NULL, deadline, date, 0,
              gipr_arena_printf(c->arena, "%s %s %s %s 期限 %s", r->signed_on ? "成文日期" : "发布日期",
                                date, ok ? "不晚于" : "晚于", january ? "部门年报" : "年报",
                                deadline));
}

/* ---- SECTIONS, TABLES ------------------------------------------------------------------------- */

typedef struct {
    const char *name;
    const char *const keywords[5]; /* any of them, in a level-1 heading; NULL-terminated */
    const char *unless;            /* ...unless the heading has this one */
} required_section;

static const required_section required_sections[] = {
    {"总体情况", {"总体情况", "概况", "概述", "基本情况"}, NULL},
    {"主动公开政府信息情况", {"主动公开", NULL}, NULL},
    {"收到和处理政府信息公开申请情况", {"申请", NULL}, "复议"},
    {"政府信息公开行政复议、行政诉讼情况", {"复议", "诉讼", NULL}, NULL},
    {"存在的主要问题及改进情况", {"问题", "改进", NULL}, NULL},
    {"其他需要报告的事项", {"其他", "其它", NULL}, NULL},
};

static const gipr_section *find_section(const gipr_report *r, const required_section *want)
{
    for (int i = 0; i < r->nsections; i++) {
        const gipr_section *s = &r->sections[i];
        if (s->level != 1 || !s->heading || (want->unless && strstr(s->heading, want->unless)))
            continue;
        for (int k = 0; want->keywords[k]; k++)
            if (strstr(s->heading, want->keywords[k]))
                return s;
    }
    return NULL;
}

static void check_sections(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    int n = (int)(sizeof required_sections / sizeof required_sections[0]);
    for (int i = 0; i < n; i++) {
        const required_section *want = &required_sections[i];
        if (!r->nsections) {
            skip(c, "SECTIONS", NULL, gipr_arena_printf(c->arena, "未读出章节, 无法确认 %s", want->name));
            continue;
        }
        const gipr_section *s = find_section(r, want);
        add_check(c, "SECTIONS", s ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, NULL, want->name,
                  s ? s->heading : NULL, s ? s->line : 0,
                  s ? gipr_arena_printf(c->arena, "有 %s: %s", want->name, s->heading)
                    : gipr_arena_printf(c->arena, "缺少一级标题 %s", want->name));
    }
}

typedef struct {
    const char *form;   /* "legacy" or the new forms */
    const char *name;   /* how the message calls the table */
    const char *prefix; /* the codes of the table start with one of these, '|' separated */
    int kind;           /* the GIPR_TABLE_* its reader gives the table it finds */
} expected_table;

static const expected_table expected_tables[] = {
    {"legacy", "政府信息公开情况统计表", "active.|response.|request.received|request.closed|request.answered|review.|litigation.|complaints.|fees.|org.|training.", GIPR_TABLE_LEGACY},
    {"new", "二、主动公开政府信息情况 表", "art20.", GIPR_TABLE_ART20},
    {"new", "三、收到和处理政府信息公开申请情况 表", "request.", GIPR_TABLE_REQUESTS},
    {"new", "四、行政复议、行政诉讼情况 表", "review.|litigation.", GIPR_TABLE_REVIEWS},
};

/* The table of `kind` the parse found, or NULL: found even when none of its values was certain. */
static const gipr_table *found_table(const gipr_ctx *c, int kind)
{
    for (int t = 0; t < c->ntables; t++)
        if (c->tables[t].kind == kind)
            return &c->tables[t];
    return NULL;
}

/* The source line a table starts on, or 0. */
static int table_line(const gipr_ctx *c, const gipr_table *t)
{
    if (t->first_line >= 0 && t->first_line < c->nlines)
        return c->lines[t->first_line].no;
    return t->ncells > 0 ? t->cells[0].line : 0;
}

static int code_has_prefix(const char *code, const char *prefixes)
{
    for (const char *p = prefixes; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (strncmp(code, p, n) == 0)
            return 1;
        p += n + (bar != NULL);
    }
    return 0;
}

static void check_tables(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    const char *form = report_form(r);
    if (!form) {
        skip(c, "TABLES", NULL, "未识别报告格式与年度");
        return;
    }
    int legacy = strcmp(form, "legacy") == 0;
    for (size_t t = 0; t < sizeof expected_tables / sizeof expected_tables[0]; t++) {
        const expected_table *e = &expected_tables[t];
        if ((strcmp(e->form, "legacy") == 0) != legacy)
            continue;
        const gipr_indicator *first = NULL;
        for (int i = 0; i < r->nindicators && !first; i++)
            if (r->indicators[i].source == GIPR_SOURCE_TABLE && code_in_form(r, r->indicators[i].code) &&
                code_has_prefix(r->indicators[i].code, e->prefix))
                first = &r->indicators[i];
        if (first) {
            add_check(c, "TABLES", GIPR_CHECK_PASS, NULL, e->name, "present", first->line,
                      gipr_arena_printf(c->arena, "有 %s", e->name));
            continue;
        }
        /* a table whose every row was left out as uncertain is there, but gives no values */
        const gipr_table *found = found_table(c, e->kind);
        add_check(c, "TABLES", GIPR_CHECK_FAIL, NULL, e->name, found ? "unread" : NULL,
                  found ? table_line(c, found) : 0,
                  gipr_arena_printf(c->arena,
                                    found ? "找到 %s, 但没有一个数值能确定读出 (见 diagnostics)"
                                          : "缺少 %s (未读出任何数值)",
                                    e->name));
    }
}

/* ---- TEXT-TABLE ------------------------------------------------------------------------------- */

/* Narratives often count the year's workload where the table counts new requests: "共受理政府信息
 * 公开申请749件" is 本年新收 713 + 上年结转 36. Such a statement agrees with the table. */
static const struct {
    const char *code, *plus, *plus_name;
} workload_totals[] = {{"request.new", "request.carried_in", "上年结转"}};

/* The table value of code plus the row it is often stated together with, or -1 when none. */
static double workload_value(const gipr_report *r, const char *code, const char *dim, double table,
                             const char **plus_name)
{
    for (size_t i = 0; i < sizeof workload_totals / sizeof workload_totals[0]; i++) {
        double plus;
        const char *missing;
        if (strcmp(code, workload_totals[i].code) == 0 &&
            table_value(r, workload_totals[i].plus, dim, &plus, NULL, &missing) && plus > 0) {
            *plus_name = workload_totals[i].plus_name;
            return table + plus;
        }
    }
    return -1;
}

/* Once per (code, dim) that the narrative states exactly and the table gives (or derives). */
static void check_text_table(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    int compared = 0;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (x->source != GIPR_SOURCE_TEXT || x->qualifier)
            continue;
        int seen = 0; /* first exact statement of this code and dim */
        for (int j = 0; j < i && !seen; j++) {
            const gipr_indicator *y = &r->indicators[j];
            seen = y->source == GIPR_SOURCE_TEXT && !y->qualifier && strcmp(y->code, x->code) == 0 &&
                   same_dim(y->dim, x->dim);
        }
        double table;
        int line = 0;
        const char *missing;
        if (seen || !table_value(r, x->code, x->dim, &table, &line, &missing))
            continue;
        compared++;
        gipr_strbuf said = {0};
        int agree = 0, statements = 0;
        for (int j = i; j < r->nindicators; j++) {
            const gipr_indicator *y = &r->indicators[j];
            if (y->source != GIPR_SOURCE_TEXT || y->qualifier || strcmp(y->code, x->code) != 0 ||
                !same_dim(y->dim, x->dim))
                continue;
            agree |= fabs(y->value - table) < 1e-6;
            statements++;
            gipr_sb_printf(&said, "%s%.12g", said.len ? "、" : "", y->value);
        }
        const char *text = said.s ? gipr_arena_strdup(c->arena, said.s) : "";
        gipr_sb_free(&said);
        const char *plus_name = NULL, *table_said = fmt_number(c, table);
        double workload = agree ? -1 : workload_value(r, x->code, x->dim, table, &plus_name);
        for (int j = i; j < r->nindicators && workload >= 0 && !agree; j++) {
            const gipr_indicator *y = &r->indicators[j];
            agree = y->source == GIPR_SOURCE_TEXT && !y->qualifier && strcmp(y->code, x->code) == 0 &&
                    same_dim(y->dim, x->dim) && fabs(y->value - workload) < 1e-6;
        }
        if (agree && workload >= 0)
            table_said = gipr_arena_printf(c->arena, "%s + %s %s", table_said, plus_name,
                                           fmt_number(c, workload - table));
        add_check(c, "TEXT-TABLE", agree ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, x->dim,
                  fmt_number(c, table), text, x->line,
                  gipr_arena_printf(c->arena, "%s%s: 正文 %s%s 表中 %s (%s)", dim_prefix(c, x->dim),
                                    code_label(c, x->code), text,
                                    !agree ? " ≠" : statements > 1 ? " 含" : " =",
                                    table_said, x->raw ? x->raw : x->label));
    }
    if (!compared)
        skip(c, "TEXT-TABLE", NULL, "正文与表格没有可对照的数值");
}

/* ---- PERCENT ---------------------------------------------------------------------------------- */

/* The totals a share of `code` may be taken of: its parent, and for the kinds of requests also
 * the number of requests received (or answered). */
static int share_bases(const char *code, const char **out, int cap)
{
    static const struct { const char *prefix; const char *bases[3]; } families[] = {
        {"request.received.", {"request.received", "request.answered", NULL}},
        {"request.answered.", {"request.answered", "request.received", NULL}},
        {"request.result.", {"request.result.total", "request.new", NULL}},
        {"request.source.", {"request.source.total", "request.received", NULL}},
    };
    int n = 0;
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    if (e && e->parent[0] && n < cap)
        out[n++] = e->parent;
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        if (strncmp(code, families[f].prefix, strlen(families[f].prefix)) == 0)
            for (int k = 0; families[f].bases[k] && n < cap; k++)
                out[n++] = families[f].bases[k];
    return n;
}

/* Every value (table, or exact text) of code, whole-report (dim NULL, total or count). */
static int values_of(const gipr_report *r, const char *code, double *out, int n, int cap)
{
    for (int i = 0; i < r->nindicators && n < cap; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (strcmp(x->code, code) != 0 || x->qualifier ||
            (x->dim && strcmp(x->dim, "total") != 0 && strcmp(x->dim, "count") != 0))
            continue;
        out[n++] = x->value;
    }
    return n;
}

static int share_holds(double count, double total, double percent, int decimals)
{
    return total > 0 && fabs(percent - 100.0 * count / total) < pow(10, -decimals);
}

static void check_one_share(gipr_ctx *c, const gipr_share *s)
{
    const gipr_report *r = c->r;
    double totals[32];
    int nt = 0;
    if (s->local_total > 0)
        totals[nt++] = s->local_total;
    const char *bases[8];
    int nb = 0;
    if (s->base)
        bases[nb++] = s->base;
    if (s->code)
        nb += share_bases(s->code, bases + nb, 8 - nb);
    for (int b = 0; b < nb; b++)
        nt = values_of(r, bases[b], totals, nt, 32);
    int kept = 0; /* a total smaller than its part is not the one the share is of */
    for (int t = 0; t < nt; t++)
        if (totals[t] > 0 && totals[t] >= s->count)
            totals[kept++] = totals[t];
    nt = kept;
    const char *what = s->raw ? s->raw : fmt_number(c, s->count);
    if (!nt) {
        skip(c, "PERCENT", NULL, gipr_arena_printf(c->arena, "\"%s\": 缺少 %s", what,
                                                    nb ? bases[0] : "所占比例的总数"));
        return;
    }
    int hit = -1;
    for (int t = 0; t < nt && hit < 0; t++)
        if (share_holds(s->count, totals[t], s->percent, s->decimals))
            hit = t;
    double total = totals[hit >= 0 ? hit : 0];
    double actual = 100.0 * s->count / total;
    const char *P = gipr_arena_printf(c->arena, "%.*f%%", s->decimals, s->percent);
    const char *A = gipr_arena_printf(c->arena, "%.*f%%", s->decimals + 1, actual);
    add_check(c, "PERCENT", hit >= 0 ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, NULL, A, P,
              s->line,
              gipr_arena_printf(c->arena, "\"%s\": %s/%s = %s %s 所述 %s", what,
                                fmt_number(c, s->count), fmt_number(c, total), A,
                                hit >= 0 ? "≈" : "≠", P));
}

/* Digits written after the decimal point of a number as written ("11.4%" -> 1). */
static int decimals_of(const char *raw)
{
    const char *dot = raw ? strchr(raw, '.') : NULL;
    int n = 0;
    while (dot && dot[1 + n] >= '0' && dot[1 + n] <= '9')
        n++;
    return n;
}

/* Share columns of tables (申请来源统计表: count and share per applicant type). */
static int check_share_columns(gipr_ctx *c)
{
    const gipr_report *r = c->r;
    int n = 0;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (x->source != GIPR_SOURCE_TABLE || !x->dim || strcmp(x->dim, "share") != 0)
            continue;
        const gipr_indicator *count = find_row(r, x->code, "count", GIPR_SOURCE_TABLE);
        if (!count)
            continue;
        const char *raw = gipr_arena_printf(c->arena, "%s %s, %s%%", code_label(c, x->code),
                                            count->raw ? count->raw : fmt_number(c, count->value),
                                            fmt_number(c, x->value));
        gipr_share s = {.count = count->value, .percent = x->value, .decimals = decimals_of(x->raw),
                        .code = x->code, .raw = raw, .line = x->line};
        check_one_share(c, &s);
        n++;
    }
    return n;
}

static void check_percent(gipr_ctx *c)
{
    for (int i = 0; i < c->nshares; i++)
        check_one_share(c, &c->shares[i]);
    if (check_share_columns(c) + c->nshares == 0)
        skip(c, "PERCENT", NULL, "没有所述比例");
}

/* ---- the stage -------------------------------------------------------------------------------- */

void gipr_run_checks(gipr_ctx *c)
{
    gipr_report *r = c->r;
    check_identities(c);
    check_count_integer(c);
    check_period(c);
    check_year(c);
    check_deadline(c);
    if (rule_applies(r, "SECTIONS"))
        check_sections(c);
    check_tables(c);
    check_text_table(c);
    check_percent(c);
}

/* ---- CARRY, across reports -------------------------------------------------------------------- */

static double carried(const gipr_report *r, const char *code, const char *dim, int *found, int *line)
{
    const gipr_indicator *x = find_row(r, code, dim, GIPR_SOURCE_TABLE);
    if (!x && dim && strcmp(dim, "total") == 0)
        x = find_row(r, code, dim, GIPR_SOURCE_TEXT);
    *found = x != NULL && !x->qualifier;
    if (line)
        *line = x ? x->line : 0;
    return x ? x->value : 0;
}

static void carry_pair(gipr_ctx *c, const gipr_report *prev, const gipr_report *next)
{
    for (int d = 0; applicant_dims[d]; d++) {
        const char *dim = applicant_dims[d];
        int has_in, has_out, line;
        double in = carried(next, "request.carried_in", dim, &has_in, &line);
        double out = carried(prev, "request.carried_out", dim, &has_out, NULL);
        if (!has_in && !has_out)
            continue;
        const char *who = gipr_arena_strdup(c->arena, next->issuer);
        gipr_check *k;
        if (!has_in || !has_out) {
            k = skip(c, "CARRY", dim, gipr_arena_printf(c->arena, "%s[%s] 缺少 %d年 %s", who, dim_name(dim),
                                                         has_in ? prev->year : next->year,
                                                         has_in ? "request.carried_out" : "request.carried_in"));
        } else {
            int ok = fabs(in - out) < 1e-6;
            k = add_check(c, "CARRY", ok ? GIPR_CHECK_PASS : GIPR_CHECK_FAIL, dim, fmt_number(c, out),
                          fmt_number(c, in), line,
                          gipr_arena_printf(c->arena, "%s[%s] %d年上年结转 %s %s %d年结转下年度 %s (%s; %s)",
                                            who, dim_name(dim), next->year, fmt_number(c, in), ok ? "=" : "≠",
                                            prev->year, fmt_number(c, out), next->path ? next->path : "",
                                            prev->path ? prev->path : ""));
        }
        /* the row is about the later year's report: its line is there */
        if (k && next->path)
            k->path = gipr_arena_strdup(c->arena, next->path);
    }
}

/* One issuer across years: the same name, or the people's government of the same region under
 * another name (洪泽区人民政府 / 淮安市洪泽区人民政府). Departments must keep their name. */
static int same_issuer(const gipr_report *a, const gipr_report *b)
{
    if (strcmp(a->issuer, b->issuer) == 0)
        return 1;
    return a->region_code && b->region_code && strcmp(a->region_code, b->region_code) == 0 &&
           a->level && b->level && strcmp(a->level, b->level) == 0 &&
           strcmp(a->level, "department") != 0;
}

void gipr_check_carry(const gipr_report *const *reports, int n, gipr_report *out)
{
    gipr_ctx c = {.r = out, .arena = &out->arena};
    for (int i = 0; i < n; i++) {
        const gipr_report *next = reports[i];
        if (!next || !next->issuer || !next->year || !rule_applies(next, "CARRY"))
            continue;
        for (int j = 0; j < n; j++) {
            const gipr_report *prev = reports[j];
            if (prev && prev != next && prev->issuer && prev->year == next->year - 1 &&
                same_issuer(prev, next))
                carry_pair(&c, prev, next);
        }
    }
}
