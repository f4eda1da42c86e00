/* The consistency checks (core/checks.c): for every rule a passing, a failing and a skipped case,
 * and consistent reports of each form on which no rule fails. Reports are built directly from
 * rows, so these tests do not depend on the table readers. */
#include "testutil.h"

#include "internal.h"

/* ---- building reports ----------------------------------------------------------------------- */

typedef struct {
    gipr_report *r;
    gipr_ctx c;
} fixture;

static fixture *new_fixture(gipr_template t, int year)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->r = gipr_report_new();
    assert_non_null(f->r);
    f->c.r = f->r;
    f->c.arena = &f->r->arena;
    f->r->template_ = t;
    f->r->year = year;
    return f;
}

static void free_fixture(fixture *f)
{
    gipr_report_free(f->r);
    free(f);
}

static gipr_indicator *put_row(fixture *f, gipr_source source, const char *code, const char *dim,
                               double value)
{
    gipr_indicator *x = gipr_add_indicator(&f->c);
    assert_non_null(x);
    const gipr_catalog_entry *e = gipr_catalog_find(code);
    assert_non_null(e);
    x->code = e->code;
    x->dim = dim ? gipr_arena_strdup(&f->r->arena, dim) : NULL;
    x->label = e->label;
    x->unit = e->unit;
    x->value = value;
    x->raw = gipr_arena_printf(&f->r->arena, "%g", value);
    x->source = source;
    x->line = 10 + f->r->nindicators;
    return x;
}

static void put(fixture *f, const char *code, const char *dim, double value)
{
    put_row(f, GIPR_SOURCE_TABLE, code, dim, value);
}

static void run(fixture *f)
{
    gipr_run_checks(&f->c);
}

static int count(const fixture *f, const char *rule, gipr_status status)
{
    int n = 0;
    for (int i = 0; i < f->r->nchecks; i++)
        n += strcmp(f->r->checks[i].rule, rule) == 0 && f->r->checks[i].status == status;
    return n;
}

static const gipr_check *first(const fixture *f, const char *rule, gipr_status status)
{
    for (int i = 0; i < f->r->nchecks; i++)
        if (strcmp(f->r->checks[i].rule, rule) == 0 && f->r->checks[i].status == status)
            return &f->r->checks[i];
    return NULL;
}

static int failures(const fixture *f)
{
    int n = 0;
    for (int i = 0; i < f->r->nchecks; i++)
        if (f->r->checks[i].status == GIPR_CHECK_FAIL) {
            print_message("unexpected failure: %s %s\n", f->r->checks[i].rule, f->r->checks[i].message);
            n++;
        }
    return n;
}

/* A consistent report of a form. `omit` (with omit_dim, NULL for every dim) is left out and
 * `bump` gets `delta` added, so one table builds every case of every identity. */
typedef struct {
    const char *omit, *omit_dim, *bump;
    double delta;
    const char *bump_dim; /* only this column; NULL: every column, the 总计 kept consistent */
} change;

typedef struct {
    const char *code;
    double value;
} row;

static void put_changed(fixture *f, const change *ch, const char *code, const char *dim, double v)
{
    if (ch && ch->omit && strcmp(ch->omit, code) == 0 && (!ch->omit_dim || (dim && strcmp(ch->omit_dim, dim) == 0)))
        return;
    if (ch && ch->bump && strcmp(ch->bump, code) == 0)
        v += ch->delta;
    put(f, code, dim, v);
}

static const row legacy_rows[] = {
    {"active.total", 100}, {"active.normative", 10}, {"active.via_gazette", 10},
    {"active.via_website", 60}, {"active.via_weibo", 20}, {"active.via_wechat", 20},
    {"active.via_other", 0}, {"response.press_conferences", 5},
    {"response.press_conferences_by_leaders", 2}, {"response.online_interviews", 4},
    {"response.online_interviews_by_leaders", 1}, {"request.received", 20},
    {"request.received.in_person", 5}, {"request.received.fax", 1}, {"request.received.online", 10},
    {"request.received.letter", 4}, {"request.closed", 20}, {"request.closed.on_time", 18},
    {"request.closed.extended", 2}, {"request.answered", 20},
    {"request.answered.already_public", 2}, {"request.answered.granted", 8},
    {"request.answered.partly_granted", 2}, {"request.answered.refused", 6},
    {"request.answered.refused.state_secret", 1}, {"request.answered.refused.trade_secret", 1},
    {"request.answered.refused.privacy", 1}, {"request.answered.refused.security", 1},
    {"request.answered.refused.not_gov_info", 1}, {"request.answered.refused.other_law", 1},
    {"request.answered.not_this_agency", 1}, {"request.answered.nonexistent", 1},
    {"request.answered.clarify", 0}, {"request.answered.other_channel", 0}, {"review.total", 3},
    {"review.upheld", 1}, {"review.corrected", 1}, {"review.other", 1}, {"litigation.total", 2},
    {"litigation.upheld", 1}, {"litigation.corrected", 1}, {"litigation.other", 0},
    {"org.staff", 5}, {"org.staff.full_time", 3}, {"org.staff.part_time", 2},
    {"training.classes", 3}, {"training.trainees", 120},
};

static const row source_rows[] = {
    {"request.source.party_gov", 0}, {"request.source.social_org", 1},
    {"request.source.enterprise", 2}, {"request.source.media", 0}, {"request.source.research", 1},
    {"request.source.citizen", 15}, {"request.source.other", 1}, {"request.source.total", 20},
};

static fixture *legacy_report(const change *ch)
{
    fixture *f = new_fixture(GIPR_TEMPLATE_LEGACY, 2018);
    for (size_t i = 0; i < sizeof legacy_rows / sizeof legacy_rows[0]; i++)
        put_changed(f, ch, legacy_rows[i].code, NULL, legacy_rows[i].value);
    for (size_t i = 0; i < sizeof source_rows / sizeof source_rows[0]; i++)
        put_changed(f, ch, source_rows[i].code, "count", source_rows[i].value);
    return f;
}

static const char *const applicants[] = {"natural_person", "business", "research", "nonprofit",
                                         "legal_service", "other_org"};

/* Per applicant column: 2 new + 1 carried in = 2 decided (1 granted, 1 refused as a state
 * secret) + 1 carried out; the 总计 column sums them. */
static const row form_rows[] = {
    {"request.new", 2}, {"request.carried_in", 1}, {"request.result.granted", 1},
    {"request.result.partly_granted", 0}, {"request.result.refused", 1},
    {"request.result.refused.state_secret", 1}, {"request.result.refused.law_prohibited", 0},
    {"request.result.refused.security", 0}, {"request.result.refused.third_party", 0},
    {"request.result.refused.internal_affairs", 0}, {"request.result.refused.process_info", 0},
    {"request.result.refused.enforcement_files", 0}, {"request.result.refused.inquiry", 0},
    {"request.result.unavailable.not_held", 0}, {"request.result.unavailable.needs_creation", 0},
    {"request.result.unavailable.unclear", 0}, {"request.result.not_processed.petition", 0},
    {"request.result.not_processed.repeated", 0}, {"request.result.not_processed.publications", 0},
    {"request.result.not_processed.mass_repeated", 0},
    {"request.result.not_processed.confirmation", 0}, {"request.result.total", 2},
    {"request.carried_out", 1},
};

static const row form_t2019_other[] = {{"request.result.other", 0}};
static const row form_t2021_other[] = {{"request.result.other.no_correction", 0},
                                       {"request.result.other.unpaid_fee", 0},
                                       {"request.result.other.misc", 0}};

static const row review_rows[] = {
    {"review.total", 4}, {"review.upheld", 1}, {"review.corrected", 1}, {"review.other", 1},
    {"review.pending", 1}, {"litigation.direct.total", 4}, {"litigation.direct.upheld", 1},
    {"litigation.direct.corrected", 1}, {"litigation.direct.other", 1},
    {"litigation.direct.pending", 1}, {"litigation.after_review.total", 4},
    {"litigation.after_review.upheld", 1}, {"litigation.after_review.corrected", 1},
    {"litigation.after_review.other", 1}, {"litigation.after_review.pending", 1},
};

static void put_applicant_rows(fixture *f, const change *ch, const row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int bumped = ch && ch->bump && strcmp(ch->bump, rows[i].code) == 0;
        change only_omit = ch ? *ch : (change){0};
        only_omit.bump = NULL;
        double total = 0;
        for (int d = 0; d < 6; d++) {
            double v = rows[i].value;
            if (bumped && (!ch->bump_dim || strcmp(ch->bump_dim, applicants[d]) == 0))
                v += ch->delta;
            total += v;
            put_changed(f, &only_omit, rows[i].code, applicants[d], v);
        }
        if (bumped && ch->bump_dim && strcmp(ch->bump_dim, "total") == 0)
            total += ch->delta;
        put_changed(f, &only_omit, rows[i].code, "total", total);
    }
}

static fixture *form_report(gipr_template t, const change *ch)
{
    fixture *f = new_fixture(t, t == GIPR_TEMPLATE_T2021 ? 2022 : 2020);
    put_changed(f, ch, "art20.regulations", t == GIPR_TEMPLATE_T2021 ? "issued" : "new_made", 1);
    put_applicant_rows(f, ch, form_rows, sizeof form_rows / sizeof form_rows[0]);
    if (t == GIPR_TEMPLATE_T2021)
        put_applicant_rows(f, ch, form_t2021_other, 3);
    else
        put_applicant_rows(f, ch, form_t2019_other, 1);
    for (size_t i = 0; i < sizeof review_rows / sizeof review_rows[0]; i++)
        put_changed(f, ch, review_rows[i].code, NULL, review_rows[i].value);
    return f;
}

static fixture *report_of_form(gipr_template t, const change *ch)
{
    return t == GIPR_TEMPLATE_LEGACY ? legacy_report(ch) : form_report(t, ch);
}

/* ---- consistent reports: no rule fails -------------------------------------------------------- */

static void add_sections(fixture *f, const char *const *headings, int n)
{
    for (int i = 0; i < n; i++) {
        gipr_section *s = gipr_add_section(&f->c);
        assert_non_null(s);
        s->seq = i + 1;
        s->level = 1;
        s->heading = headings[i];
        s->line = 5 * (i + 1);
    }
}

static const char *const six_sections[] = {"总体情况", "主动公开政府信息情况",
                                           "收到和处理政府信息公开申请情况",
                                           "政府信息公开行政复议、行政诉讼情况",
                                           "存在的主要问题及改进情况", "其他需要报告的事项"};

static void describe(fixture *f, const char *title)
{
    gipr_report *r = f->r;
    r->title = title;
    r->period_start = gipr_arena_printf(&r->arena, "%d-01-01", r->year);
    r->period_end = gipr_arena_printf(&r->arena, "%d-12-31", r->year);
    r->published = gipr_arena_printf(&r->arena, "%d-01-20", r->year + 1);
    r->level = "city";
    add_sections(f, six_sections, 6);
}

static void test_consistent_forms(void **state)
{
    (void)state;
    gipr_template forms[] = {GIPR_TEMPLATE_LEGACY, GIPR_TEMPLATE_T2019, GIPR_TEMPLATE_T2021};
    for (int k = 0; k < 3; k++) {
        fixture *f = report_of_form(forms[k], NULL);
        describe(f, f->r->year == 2018 ? "某市2018年政府信息公开工作年度报告"
                    : f->r->year == 2020 ? "某市2020年政府信息公开工作年度报告"
                                         : "某市2022年政府信息公开工作年度报告");
        run(f);
        assert_int_equal(failures(f), 0);
        assert_true(f->r->nchecks > 10);
        free_fixture(f);
    }
}

/* ---- identities: pass, fail, skip ------------------------------------------------------------- */

typedef struct {
    const char *rule;
    gipr_template form;
    const char *bump; /* breaks the rule */
    double delta;
    const char *omit, *omit_dim; /* makes it skip */
    const char *bump_dim;
} identity_case;

static const identity_case identity_cases[] = {
    {"L-RECEIVED", GIPR_TEMPLATE_LEGACY, "request.received.fax", 1, "request.received.fax", NULL, NULL},
    {"L-CLOSED", GIPR_TEMPLATE_LEGACY, "request.closed.extended", 1, "request.closed.extended", NULL, NULL},
    {"L-ANSWERED", GIPR_TEMPLATE_LEGACY, "request.answered.granted", 1, "request.answered.clarify", NULL, NULL},
    {"L-REFUSED", GIPR_TEMPLATE_LEGACY, "request.answered.refused.privacy", 1, "request.answered.refused.privacy", NULL, NULL},
    {"L-REVIEW", GIPR_TEMPLATE_LEGACY, "review.other", 1, "review.other", NULL, NULL},
    {"L-LITIGATION", GIPR_TEMPLATE_LEGACY, "litigation.other", 1, "litigation.other", NULL, NULL},
    {"L-STAFF", GIPR_TEMPLATE_LEGACY, "org.staff.part_time", 1, "org.staff.part_time", NULL, NULL},
    {"L-SOURCE", GIPR_TEMPLATE_LEGACY, "request.source.enterprise", 1, "request.source.enterprise", NULL, NULL},
    {"L-LEADER-PRESS", GIPR_TEMPLATE_LEGACY, "response.press_conferences_by_leaders", 10, "response.press_conferences_by_leaders", NULL, NULL},
    {"L-LEADER-INTERVIEW", GIPR_TEMPLATE_LEGACY, "response.online_interviews_by_leaders", 10, "response.online_interviews_by_leaders", NULL, NULL},
    {"L-NORMATIVE", GIPR_TEMPLATE_LEGACY, "active.normative", 200, "active.normative", NULL, NULL},
    {"L-CHANNELS", GIPR_TEMPLATE_LEGACY, "active.total", 50, "active.via_other", NULL, NULL},
    {"T3-ROW-TOTAL", GIPR_TEMPLATE_T2019, "request.new", 1, "request.new", "business", "total"},
    {"T3-SUBTOTAL", GIPR_TEMPLATE_T2019, "request.result.refused.state_secret", 1, "request.result.refused.inquiry", "research", NULL},
    {"T3-RESULT-TOTAL", GIPR_TEMPLATE_T2019, "request.result.granted", 1, "request.result.partly_granted", NULL, NULL},
    {"T3-BALANCE", GIPR_TEMPLATE_T2019, "request.carried_in", 1, "request.carried_out", NULL, NULL},
    {"T3-RESULT-TOTAL", GIPR_TEMPLATE_T2021, "request.result.other.misc", 1, "request.result.other.misc", "total", NULL},
    {"T3-BALANCE", GIPR_TEMPLATE_T2021, "request.new", 1, "request.new", "total", NULL},
    {"T4-REVIEW", GIPR_TEMPLATE_T2019, "review.pending", 1, "review.pending", NULL, NULL},
    {"T4-LIT-DIRECT", GIPR_TEMPLATE_T2021, "litigation.direct.pending", 1, "litigation.direct.pending", NULL, NULL},
    {"T4-LIT-AFTER", GIPR_TEMPLATE_T2019, "litigation.after_review.other", 1, "litigation.after_review.other", NULL, NULL},
};

static void test_identities(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof identity_cases / sizeof identity_cases[0]; i++) {
        const identity_case *k = &identity_cases[i];
        print_message("%s\n", k->rule);
        fixture *f = report_of_form(k->form, NULL);
        run(f);
        assert_true(count(f, k->rule, GIPR_CHECK_PASS) > 0);
        assert_int_equal(count(f, k->rule, GIPR_CHECK_FAIL), 0);
        free_fixture(f);

        change bumped = {.bump = k->bump, .delta = k->delta, .bump_dim = k->bump_dim};
        f = report_of_form(k->form, &bumped);
        run(f);
        assert_true(count(f, k->rule, GIPR_CHECK_FAIL) > 0);
        free_fixture(f);

        change omitted = {.omit = k->omit, .omit_dim = k->omit_dim};
        f = report_of_form(k->form, &omitted);
        run(f);
        const gipr_check *s = first(f, k->rule, GIPR_CHECK_SKIP);
        assert_non_null(s);
        assert_non_null(strstr(s->message, k->omit));
        assert_int_equal(count(f, k->rule, GIPR_CHECK_FAIL), 0);
        free_fixture(f);
    }
}

/* The message names the numbers, in the words of the form. */
static void test_identity_message(void **state)
{
    (void)state;
    change ch = {.bump = "request.answered.refused.privacy", .delta = 1};
    fixture *f = legacy_report(&ch);
    run(f);
    const gipr_check *k = first(f, "L-REFUSED", GIPR_CHECK_FAIL);
    assert_non_null(k);
    assert_string_equal(k->severity, "error");
    assert_string_equal(k->expected, "7");
    assert_string_equal(k->actual, "6");
    assert_string_equal(k->message, "不同意公开答复数 6 ≠ 其中各项之和 7");
    assert_true(k->line > 0);
    free_fixture(f);
}

/* Aggregate rows of 表三 the form leaves empty are derived from their sub-rows; the subtotal
 * rule only checks aggregates that carry numbers. */
static void test_t3_aggregates(void **state)
{
    (void)state;
    change no_aggregate = {.omit = "request.result.refused"};
    fixture *f = form_report(GIPR_TEMPLATE_T2019, &no_aggregate);
    run(f);
    assert_int_equal(count(f, "T3-RESULT-TOTAL", GIPR_CHECK_PASS), 7);
    assert_int_equal(count(f, "T3-SUBTOTAL", GIPR_CHECK_FAIL), 0);
    assert_non_null(strstr(first(f, "T3-SUBTOTAL", GIPR_CHECK_SKIP)->message, "request.result.refused"));
    assert_int_equal(failures(f), 0);
    free_fixture(f);

    change bumped = {.bump = "request.result.refused", .delta = 1};
    f = form_report(GIPR_TEMPLATE_T2019, &bumped);
    run(f);
    assert_int_equal(count(f, "T3-SUBTOTAL", GIPR_CHECK_FAIL), 7);
    const gipr_check *k = first(f, "T3-SUBTOTAL", GIPR_CHECK_FAIL);
    assert_string_equal(k->dim, "natural_person");
    assert_string_equal(k->message, "[自然人] 不予公开 2 ≠ 其中各项之和 1");
    free_fixture(f);
}

/* Rules of one form never run on another. */
static void test_rules_follow_the_form(void **state)
{
    (void)state;
    fixture *f = legacy_report(NULL);
    run(f);
    assert_int_equal(count(f, "T3-BALANCE", GIPR_CHECK_SKIP) + count(f, "T3-BALANCE", GIPR_CHECK_PASS), 0);
    assert_int_equal(count(f, "SECTIONS", GIPR_CHECK_SKIP) + count(f, "SECTIONS", GIPR_CHECK_PASS), 0);
    free_fixture(f);
    f = form_report(GIPR_TEMPLATE_T2019, NULL);
    run(f);
    assert_int_equal(count(f, "L-RECEIVED", GIPR_CHECK_SKIP) + count(f, "L-RECEIVED", GIPR_CHECK_PASS), 0);
    free_fixture(f);
}

/* ---- COUNT-INTEGER ---------------------------------------------------------------------------- */

static void test_count_integer(void **state)
{
    (void)state;
    fixture *f = legacy_report(NULL);
    put(f, "art20.licensing", "change", -3); /* 本年增/减 may be negative */
    run(f);
    assert_int_equal(count(f, "COUNT-INTEGER", GIPR_CHECK_PASS), 1);
    assert_int_equal(count(f, "COUNT-INTEGER", GIPR_CHECK_FAIL), 0);
    free_fixture(f);

    f = legacy_report(NULL);
    put(f, "complaints.total", NULL, 2.5);
    put(f, "org.units", NULL, -1);
    run(f);
    assert_int_equal(count(f, "COUNT-INTEGER", GIPR_CHECK_FAIL), 2);
    assert_string_equal(first(f, "COUNT-INTEGER", GIPR_CHECK_FAIL)->actual, "2.5");
    free_fixture(f);

    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2018);
    run(f);
    assert_int_equal(count(f, "COUNT-INTEGER", GIPR_CHECK_SKIP), 1);
    free_fixture(f);
}

/* ---- dates ------------------------------------------------------------------------------------ */

static fixture *dated(int year, gipr_template t, const char *start, const char *end)
{
    fixture *f = new_fixture(t, year);
    f->r->period_start = start;
    f->r->period_end = end;
    return f;
}

static void test_period(void **state)
{
    (void)state;
    fixture *f = dated(2018, GIPR_TEMPLATE_LEGACY, "2018-01-01", "2018-12-31");
    run(f);
    assert_int_equal(count(f, "PERIOD", GIPR_CHECK_PASS), 1);
    free_fixture(f);

    f = dated(2016, GIPR_TEMPLATE_LEGACY, "2016-01-01", "2016-12-01");
    run(f);
    const gipr_check *k = first(f, "PERIOD", GIPR_CHECK_FAIL);
    assert_non_null(k);
    assert_string_equal(k->actual, "2016-01-01..2016-12-01");
    assert_string_equal(k->expected, "2016-01-01..2016-12-31");
    free_fixture(f);

    f = dated(2016, GIPR_TEMPLATE_LEGACY, NULL, NULL);
    run(f);
    assert_string_equal(first(f, "PERIOD", GIPR_CHECK_SKIP)->message, "缺少统计期限");
    free_fixture(f);
}

static void test_year(void **state)
{
    (void)state;
    fixture *f = dated(2018, GIPR_TEMPLATE_LEGACY, "2018-01-01", "2018-12-31");
    f->r->title = "台州市2018年度政府信息公开工作报告";
    run(f);
    assert_int_equal(count(f, "YEAR", GIPR_CHECK_PASS), 1);
    free_fixture(f);

    f = dated(2018, GIPR_TEMPLATE_LEGACY, "2017-01-01", "2017-12-31");
    f->r->title = "台州市2018年度政府信息公开工作报告";
    run(f);
    assert_string_equal(first(f, "YEAR", GIPR_CHECK_FAIL)->message, "标题年度 2018 ≠ 统计期限年度 2017");
    free_fixture(f);

    f = dated(2018, GIPR_TEMPLATE_LEGACY, "2018-01-01", "2018-12-31");
    f->r->title = "政府信息公开工作年度报告";
    run(f);
    assert_int_equal(count(f, "YEAR", GIPR_CHECK_SKIP), 1);
    free_fixture(f);
}

static gipr_status deadline_status(int year, gipr_template t, const char *level,
                                   const char *signed_on, const char *published)
{
    fixture *f = new_fixture(t, year);
    f->r->level = level;
    f->r->signed_on = signed_on;
    f->r->published = published;
    run(f);
    gipr_status s = GIPR_CHECK_PASS;
    assert_int_equal(count(f, "DEADLINE", GIPR_CHECK_PASS) + count(f, "DEADLINE", GIPR_CHECK_FAIL) +
                         count(f, "DEADLINE", GIPR_CHECK_SKIP), 1);
    if (count(f, "DEADLINE", GIPR_CHECK_FAIL))
        s = GIPR_CHECK_FAIL;
    if (count(f, "DEADLINE", GIPR_CHECK_SKIP))
        s = GIPR_CHECK_SKIP;
    free_fixture(f);
    return s;
}

static void test_deadline(void **state)
{
    (void)state;
    /* 31 March for legacy reports, departments included */
    assert_int_equal(deadline_status(2016, GIPR_TEMPLATE_LEGACY, "department", NULL, "2017-03-31"), GIPR_CHECK_PASS);
    assert_int_equal(deadline_status(2016, GIPR_TEMPLATE_LEGACY, "department", NULL, "2017-05-04"), GIPR_CHECK_FAIL);
    /* the signature date wins over the page's date */
    assert_int_equal(deadline_status(2018, GIPR_TEMPLATE_LEGACY, "county", "2019-01-03", "2020-09-23"), GIPR_CHECK_PASS);
    /* from the 2019 reports: 31 January for departments, 31 March for governments */
    assert_int_equal(deadline_status(2020, GIPR_TEMPLATE_T2019, "department", NULL, "2021-02-01"), GIPR_CHECK_FAIL);
    assert_int_equal(deadline_status(2020, GIPR_TEMPLATE_T2019, "department", NULL, "2021-01-31"), GIPR_CHECK_PASS);
    assert_int_equal(deadline_status(2020, GIPR_TEMPLATE_T2019, "county", NULL, "2021-02-01"), GIPR_CHECK_PASS);
    assert_int_equal(deadline_status(2021, GIPR_TEMPLATE_T2021, "city", "2022-04-01", NULL), GIPR_CHECK_FAIL);
    assert_int_equal(deadline_status(2020, GIPR_TEMPLATE_T2019, "county", NULL, NULL), GIPR_CHECK_SKIP);

    fixture *f = new_fixture(GIPR_TEMPLATE_LEGACY, 2016);
    f->r->published = "2017-05-04";
    run(f);
    const gipr_check *k = first(f, "DEADLINE", GIPR_CHECK_FAIL);
    assert_string_equal(k->expected, "2017-03-31");
    assert_string_equal(k->actual, "2017-05-04");
    free_fixture(f);
}

/* ---- SECTIONS, TABLES --------------------------------------------------------------------------- */

static void test_sections(void **state)
{
    (void)state;
    fixture *f = new_fixture(GIPR_TEMPLATE_T2019, 2020);
    add_sections(f, six_sections, 6);
    run(f);
    assert_int_equal(count(f, "SECTIONS", GIPR_CHECK_PASS), 6);
    free_fixture(f);

    f = new_fixture(GIPR_TEMPLATE_T2019, 2020);
    add_sections(f, six_sections, 5); /* no 其他需要报告的事项 */
    run(f);
    assert_int_equal(count(f, "SECTIONS", GIPR_CHECK_PASS), 5);
    assert_string_equal(first(f, "SECTIONS", GIPR_CHECK_FAIL)->expected, "其他需要报告的事项");
    free_fixture(f);

    f = new_fixture(GIPR_TEMPLATE_T2019, 2020);
    run(f);
    assert_int_equal(count(f, "SECTIONS", GIPR_CHECK_SKIP), 6);
    free_fixture(f);
    /* the wordings reports use for the same sections */
    static const char *const worded[] = {"基本情况", "政府信息主动公开情况", "政府信息依申请公开情况",
                                         "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                                         "政府信息公开工作存在的主要问题和改进措施", "其他需报告的事项"};
    f = new_fixture(GIPR_TEMPLATE_T2021, 2022);
    add_sections(f, worded, 6);
    run(f);
    assert_int_equal(count(f, "SECTIONS", GIPR_CHECK_PASS), 6);
    free_fixture(f);
}

static void test_tables(void **state)
{
    (void)state;
    fixture *f = legacy_report(NULL);
    run(f);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_PASS), 1);
    free_fixture(f);

    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2018);
    put_row(f, GIPR_SOURCE_TEXT, "request.received", NULL, 5); /* text is no table */
    run(f);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_FAIL), 1);
    free_fixture(f);

    /* the 2019 form: one instance per table; only 二 was read */
    f = new_fixture(GIPR_TEMPLATE_T2019, 2020);
    put(f, "art20.licensing", "decisions", 51563);
    put_row(f, GIPR_SOURCE_TEXT, "request.new", "total", 107);
    run(f);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_PASS), 1);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_FAIL), 2);
    free_fixture(f);

    /* a table that was found but none of whose values was certain: still no values, but not
     * missing */
    f = new_fixture(GIPR_TEMPLATE_T2019, 2020);
    put(f, "art20.licensing", "decisions", 51563);
    gipr_table *requests = gipr_add_table(&f->c, GIPR_TABLE_REQUESTS);
    assert_non_null(requests);
    gipr_cell *cell = gipr_add_cell(&f->c, requests);
    assert_non_null(cell);
    cell->s = "本年新收政府信息公开申请数量";
    cell->len = strlen(cell->s);
    cell->line = 42;
    run(f);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_PASS), 1);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_FAIL), 2);
    for (int i = 0; i < f->r->nchecks; i++) {
        const gipr_check *k = &f->r->checks[i];
        if (strcmp(k->rule, "TABLES") != 0 || k->status != GIPR_CHECK_FAIL)
            continue;
        if (strstr(k->expected, "三、")) {
            assert_string_equal(k->message, "找到 三、收到和处理政府信息公开申请情况 表, 但没有一个数值能确定读出 "
                                            "(见 diagnostics)");
            assert_string_equal(k->actual, "unread");
            assert_int_equal(k->line, 42);
        } else {
            assert_string_equal(k->message, "缺少 四、行政复议、行政诉讼情况 表 (未读出任何数值)");
            assert_null(k->actual);
        }
    }
    free_fixture(f);

    f = new_fixture(GIPR_TEMPLATE_NONE, 0);
    run(f);
    assert_int_equal(count(f, "TABLES", GIPR_CHECK_SKIP), 1);
    free_fixture(f);
}

/* ---- TEXT-TABLE --------------------------------------------------------------------------------- */

static void test_text_table(void **state)
{
    (void)state;
    fixture *f = legacy_report(NULL);
    put_row(f, GIPR_SOURCE_TEXT, "request.received", NULL, 20);
    put_row(f, GIPR_SOURCE_TEXT, "training.classes", NULL, 9);
    put_row(f, GIPR_SOURCE_TEXT, "training.classes", NULL, 3); /* one equal statement suffices */
    put_row(f, GIPR_SOURCE_TEXT, "training.trainees", NULL, 4929);
    gipr_indicator *about = put_row(f, GIPR_SOURCE_TEXT, "active.total", NULL, 44000);
    about->qualifier = "多"; /* approximate: never compared */
    run(f);
    assert_int_equal(count(f, "TEXT-TABLE", GIPR_CHECK_PASS), 2);
    assert_int_equal(count(f, "TEXT-TABLE", GIPR_CHECK_FAIL), 1);
    const gipr_check *k = first(f, "TEXT-TABLE", GIPR_CHECK_FAIL);
    assert_string_equal(k->expected, "120");
    assert_string_equal(k->actual, "4929");
    assert_non_null(strstr(k->message, "4929 ≠ 表中 120"));
    free_fixture(f);

    /* the 2019 form: text about the whole report against the 总计 column, aggregates derived */
    change no_aggregate = {.omit = "request.result.refused"};
    f = form_report(GIPR_TEMPLATE_T2019, &no_aggregate);
    put_row(f, GIPR_SOURCE_TEXT, "request.result.refused", "total", 6);
    put_row(f, GIPR_SOURCE_TEXT, "request.new", "total", 13);
    run(f);
    assert_int_equal(count(f, "TEXT-TABLE", GIPR_CHECK_PASS), 1);
    assert_string_equal(first(f, "TEXT-TABLE", GIPR_CHECK_FAIL)->expected, "12");
    free_fixture(f);

    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2018);
    put_row(f, GIPR_SOURCE_TEXT, "training.classes", NULL, 9);
    run(f);
    assert_int_equal(count(f, "TEXT-TABLE", GIPR_CHECK_SKIP), 1);
    free_fixture(f);
    /* "共受理申请18件" counts new and carried-in requests together: 12 new + 6 carried in */
    f = form_report(GIPR_TEMPLATE_T2019, NULL);
    put_row(f, GIPR_SOURCE_TEXT, "request.new", "total", 18);
    run(f);
    assert_int_equal(count(f, "TEXT-TABLE", GIPR_CHECK_PASS), 1);
    assert_int_equal(count(f, "TEXT-TABLE", GIPR_CHECK_FAIL), 0);
    assert_non_null(strstr(first(f, "TEXT-TABLE", GIPR_CHECK_PASS)->message, "正文 18 = 表中 12 + 上年结转 6"));
    free_fixture(f);
}

/* ---- PERCENT ------------------------------------------------------------------------------------ */

static gipr_share *put_share(fixture *f, const char *code, double n, double p, int decimals)
{
    void *items = f->c.shares;
    assert_int_equal(gipr_grow(f->c.arena, &items, &f->c.cap_shares, f->c.nshares, sizeof(gipr_share)), 0);
    f->c.shares = items;
    gipr_share *s = &f->c.shares[f->c.nshares++];
    memset(s, 0, sizeof *s);
    s->code = code;
    s->count = n;
    s->percent = p;
    s->decimals = decimals;
    s->raw = "share";
    s->line = 58;
    return s;
}

static void test_percent(void **state)
{
    (void)state;
    fixture *f = new_fixture(GIPR_TEMPLATE_LEGACY, 2018);
    put_row(f, GIPR_SOURCE_TEXT, "request.received", NULL, 1523);
    put_share(f, "request.answered.refused", 171, 11.4, 1);         /* 11.23%: wrong */
    put_share(f, "request.answered.refused", 171, 11.2, 1);         /* rounded */
    put_share(f, "request.answered.other_channel", 52, 3.4, 1);     /* 3.41% */
    put_share(f, "request.answered.clarify", 47, 3, 0);             /* 3.09%, written "3 %" */
    put_share(f, "request.answered.nonexistent", 150, 9.8, 1);      /* 9.85% truncated */
    run(f);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_PASS), 4);
    const gipr_check *k = first(f, "PERCENT", GIPR_CHECK_FAIL);
    assert_non_null(k);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_FAIL), 1);
    assert_string_equal(k->actual, "11.4%");
    assert_string_equal(k->expected, "11.23%");
    assert_int_equal(k->line, 58);
    free_fixture(f);

    /* a share of something whose total the report does not give */
    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2018);
    put_share(f, "review.upheld", 51, 63.8, 1);
    run(f);
    assert_non_null(strstr(first(f, "PERCENT", GIPR_CHECK_SKIP)->message, "review.total"));
    put(f, "review.total", NULL, 80);
    f->r->nchecks = 0;
    run(f);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_PASS), 1);
    free_fixture(f);

    /* a total of 0, or one smaller than the count, is not the total of the share */
    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2016);
    put(f, "request.received", NULL, 0);
    put(f, "request.answered", NULL, 5);
    put_share(f, "request.answered.granted", 0, 0, 0);
    put_share(f, "request.answered.granted", 7, 50, 0);
    run(f);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_PASS), 1); /* 0 of 5 */
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_SKIP), 1); /* 7 of 0 or 5: no total */
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_FAIL), 0);
    free_fixture(f);

    /* "共收到申请326件，已答复320件(含…)，其中同意公开208件，占65%": the share is of the total its
     * 其中 list hangs from (320: 65.0%), not of the paragraph's first total (326: 63.8%) */
    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2010);
    put_row(f, GIPR_SOURCE_TEXT, "request.received", NULL, 326);
    put_share(f, "request.answered.granted", 208, 65, 0)->local_total = 320;
    run(f);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_PASS), 1);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_FAIL), 0);
    assert_non_null(strstr(first(f, "PERCENT", GIPR_CHECK_PASS)->message, "208/320 = 65.0%"));
    free_fixture(f);
    /* without that total, 326 is the only one: a true mismatch */
    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2010);
    put_row(f, GIPR_SOURCE_TEXT, "request.received", NULL, 326);
    put_share(f, "request.answered.granted", 208, 65, 0);
    run(f);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_FAIL), 1);
    assert_string_equal(first(f, "PERCENT", GIPR_CHECK_FAIL)->expected, "63.8%");
    free_fixture(f);

    /* share columns of the 申请来源统计表 */
    f = new_fixture(GIPR_TEMPLATE_LEGACY, 2017);
    put(f, "request.source.total", "count", 1191);
    put(f, "request.source.enterprise", "count", 32);
    put_row(f, GIPR_SOURCE_TABLE, "request.source.enterprise", "share", 2.68)->raw = "2.68";
    put(f, "request.source.other", "count", 110);
    put_row(f, GIPR_SOURCE_TABLE, "request.source.other", "share", 9.9)->raw = "9.90";
    run(f);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_PASS), 1);
    assert_int_equal(count(f, "PERCENT", GIPR_CHECK_FAIL), 1);
    free_fixture(f);
}

/* ---- CARRY -------------------------------------------------------------------------------------- */

static fixture *carrying(int year, const char *issuer, double carried_in, double carried_out)
{
    fixture *f = new_fixture(GIPR_TEMPLATE_T2019, year);
    f->r->issuer = issuer;
    f->r->path = gipr_arena_printf(&f->r->arena, "%d.txt", year);
    put(f, "request.carried_in", "total", carried_in);
    put(f, "request.carried_out", "total", carried_out);
    return f;
}

static void test_carry(void **state)
{
    (void)state;
    fixture *y2019 = carrying(2019, "某区人民政府", 3, 9);
    fixture *y2020 = carrying(2020, "某区人民政府", 9, 2);
    fixture *y2021 = carrying(2021, "某区人民政府", 4, 1);
    fixture *other = carrying(2020, "某市人民政府", 5, 5);
    const gipr_report *set[] = {y2021->r, other->r, y2019->r, y2020->r};
    gipr_report *out = gipr_report_new();
    gipr_check_carry(set, 4, out);
    int pass = 0, fail = 0;
    for (int i = 0; i < out->nchecks; i++) {
        assert_string_equal(out->checks[i].rule, "CARRY");
        assert_string_equal(out->checks[i].dim, "total");
        pass += out->checks[i].status == GIPR_CHECK_PASS;
        fail += out->checks[i].status == GIPR_CHECK_FAIL;
        /* a row is about the later year's report: 2020 carried in what 2019 carried out */
        assert_string_equal(out->checks[i].path,
                            out->checks[i].status == GIPR_CHECK_PASS ? "2020.txt" : "2021.txt");
    }
    assert_int_equal(out->nchecks, 2); /* 2019->2020 and 2020->2021; never across issuers */
    assert_int_equal(pass, 1);
    assert_int_equal(fail, 1);
    gipr_report_free(out);

    /* the year before gives no carried_out: skip */
    fixture *bare = new_fixture(GIPR_TEMPLATE_T2019, 2019);
    bare->r->issuer = "某区人民政府";
    put(bare, "request.new", "total", 3);
    const gipr_report *pair[] = {bare->r, y2020->r};
    out = gipr_report_new();
    gipr_check_carry(pair, 2, out);
    assert_int_equal(out->nchecks, 1);
    assert_int_equal(out->checks[0].status, GIPR_CHECK_SKIP);
    assert_string_equal(out->checks[0].path, "2020.txt");
    assert_non_null(strstr(out->checks[0].message, "request.carried_out"));
    gipr_report_free(out);
    free_fixture(bare);

    /* a government renamed across years is still one issuer when its region is the same;
     * a department is not matched by region */
    fixture *renamed = carrying(2021, "淮安市某区人民政府", 1, 0);
    y2020->r->region_code = renamed->r->region_code = "320813";
    y2020->r->level = renamed->r->level = "county";
    const gipr_report *renamed_pair[] = {y2020->r, renamed->r};
    out = gipr_report_new();
    gipr_check_carry(renamed_pair, 2, out);
    assert_int_equal(out->nchecks, 1);
    assert_int_equal(out->checks[0].status, GIPR_CHECK_FAIL);
    assert_non_null(strstr(out->checks[0].message, "2021年上年结转 1 ≠ 2020年结转下年度 2"));
    gipr_report_free(out);
    y2020->r->level = renamed->r->level = "department";
    out = gipr_report_new();
    gipr_check_carry(renamed_pair, 2, out);
    assert_int_equal(out->nchecks, 0);
    gipr_report_free(out);
    free_fixture(renamed);
    free_fixture(y2019);
    free_fixture(y2020);
    free_fixture(y2021);
    free_fixture(other);
}


/* ---- the seeds: the failures are exactly those of golden/checks.tsv ---------------------------- */

typedef struct {
    char file[128], rule[32];
    int core;
} golden_failure;

static int read_golden_failures(golden_failure *out, int cap)
{
    size_t len;
    char *text = read_fixture("golden/checks.tsv", &len);
    int n = 0;
    for (char *line = strtok(text, "\n"); line && n < cap; line = strtok(NULL, "\n")) {
        char file[128], rule[32], tier[16];
        if (line[0] == '#' || sscanf(line, "%127[^\t]\t%31[^\t]\t%15[^\t]", file, rule, tier) != 3)
            continue;
        snprintf(out[n].file, sizeof out[n].file, "%s", file);
        snprintf(out[n].rule, sizeof out[n].rule, "%s", rule);
        out[n++].core = strcmp(tier, "core") == 0;
    }
    free(text);
    return n;
}

static void test_seed_failures(void **state)
{
    (void)state;
    static const char *const seeds[] = {"000_9c1c927b118ce9fd.txt", "001_89dbaf428c88ecd3.txt",
                                        "002_66303b07f01cbbb2.txt", "003_4594e221d75b7af2.txt",
                                        "004_21052089db41a3ba.txt"};
    golden_failure golden[64];
    int ng = read_golden_failures(golden, 64);
    assert_true(ng >= 10);
    gipr_report *r = gipr_report_new();
    for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", GIPR_FIXTURES, seeds[s]);
        assert_int_equal(gipr_parse_file(r, path, NULL), 0);
        for (int g = 0; g < ng; g++) {
            if (strcmp(golden[g].file, seeds[s]) != 0)
                continue;
            int want = 0, allowed = 0, have = 0;
            for (int h = 0; h < ng; h++)
                if (strcmp(golden[h].file, seeds[s]) == 0 && strcmp(golden[h].rule, golden[g].rule) == 0) {
                    want += golden[h].core;
                    allowed++;
                }
            for (int i = 0; i < r->nchecks; i++)
                have += r->checks[i].status == GIPR_CHECK_FAIL && strcmp(r->checks[i].rule, golden[g].rule) == 0;
            if (have < want || have > allowed)
                fail_msg("%s %s: %d failures, want %d..%d", seeds[s], golden[g].rule, have, want, allowed);
        }
        for (int i = 0; i < r->nchecks; i++) { /* no failure of a rule golden does not list */
            if (r->checks[i].status != GIPR_CHECK_FAIL)
                continue;
            int listed = 0;
            for (int g = 0; g < ng && !listed; g++)
                listed = strcmp(golden[g].file, seeds[s]) == 0 && strcmp(golden[g].rule, r->checks[i].rule) == 0;
            if (!listed)
                fail_msg("%s: false alarm %s: %s", seeds[s], r->checks[i].rule, r->checks[i].message);
        }
    }
    gipr_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_consistent_forms),
        cmocka_unit_test(test_identities),
        cmocka_unit_test(test_identity_message),
        cmocka_unit_test(test_t3_aggregates),
        cmocka_unit_test(test_rules_follow_the_form),
        cmocka_unit_test(test_count_integer),
        cmocka_unit_test(test_period),
        cmocka_unit_test(test_year),
        cmocka_unit_test(test_deadline),
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_text_table),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_carry),
        cmocka_unit_test(test_seed_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
