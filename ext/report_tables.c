/* The columns of the tables read from reports. Each table lists its columns once (an X-macro):
 * the list gives both the CREATE TABLE text and the enum its column function switches on. */
#include "report_tables.h"

#define COLUMN_NAME(c) #c ","
#define COLUMN_ENUM(prefix, c) prefix##_##c,

/* ---- gipr_reports: one row per file ------------------------------------------------------ */
#define REPORT_COLUMNS(X)                                                                           \
    X(path) X(title) X(issuer) X(region) X(region_code) X(level) X(year) X(template)               \
    X(period_start) X(period_end) X(published) X(signed) X(encoding) X(format) X(bytes)            \
    X(sections) X(indicators) X(diagnostics)
#define REPORT_ENUM(c) COLUMN_ENUM(REPORT, c)
enum { REPORT_COLUMNS(REPORT_ENUM) REPORT_NCOLUMNS };

static int report_rows(const gipr_report *r)
{
    (void)r;
    return 1;
}

static void report_column(sqlite3_context *ctx, const gipr_report *r, int row, int col)
{
    (void)row;
    switch (col) {
    case REPORT_path: gipr_result_text(ctx, r->path, 1); break;
    case REPORT_title: gipr_result_text(ctx, r->title, 0); break;
    case REPORT_issuer: gipr_result_text(ctx, r->issuer, 0); break;
    case REPORT_region: gipr_result_text(ctx, r->region, 0); break;
    case REPORT_region_code: gipr_result_text(ctx, r->region_code, 0); break;
    case REPORT_level: gipr_result_text(ctx, r->level, 0); break;
    case REPORT_year: gipr_result_positive(ctx, r->year); break;
    case REPORT_template: gipr_result_text(ctx, gipr_template_name(r->template_), 0); break;
    case REPORT_period_start: gipr_result_text(ctx, r->period_start, 0); break;
    case REPORT_period_end: gipr_result_text(ctx, r->period_end, 0); break;
    case REPORT_published: gipr_result_text(ctx, r->published, 0); break;
    case REPORT_signed: gipr_result_text(ctx, r->signed_on, 0); break;
    case REPORT_encoding: gipr_result_text(ctx, r->encoding, 0); break;
    case REPORT_format: gipr_result_text(ctx, r->format, 0); break;
    case REPORT_bytes: sqlite3_result_int64(ctx, (sqlite3_int64)r->bytes); break;
    case REPORT_sections: sqlite3_result_int(ctx, r->nsections); break;
    case REPORT_indicators: sqlite3_result_int(ctx, r->nindicators); break;
    case REPORT_diagnostics: gipr_result_text(ctx, r->diagnostics, 1); break;
    }
}

/* ---- gipr_sections: the numbered headings and the text under each ------------------------ */
#define SECTION_COLUMNS(X) X(path) X(seq) X(parent) X(level) X(number) X(heading) X(body) X(line)
#define SECTION_ENUM(c) COLUMN_ENUM(SECTION, c)
enum { SECTION_COLUMNS(SECTION_ENUM) SECTION_NCOLUMNS };

static int section_rows(const gipr_report *r)
{
    return r->nsections;
}

static void section_column(sqlite3_context *ctx, const gipr_report *r, int row, int col)
{
    const gipr_section *s = &r->sections[row];
    switch (col) {
    case SECTION_path: gipr_result_text(ctx, r->path, 1); break;
    case SECTION_seq: sqlite3_result_int(ctx, s->seq); break;
    case SECTION_parent: gipr_result_positive(ctx, s->parent); break; /* NULL at the top */
    case SECTION_level: sqlite3_result_int(ctx, s->level); break;
    case SECTION_number: gipr_result_text(ctx, s->number, 0); break;
    case SECTION_heading: gipr_result_text(ctx, s->heading, 0); break;
    case SECTION_body: gipr_result_text(ctx, s->body, 0); break;
    case SECTION_line: gipr_result_positive(ctx, s->line); break;
    }
}

/* ---- gipr_indicators: every value read, from the tables and from the text ---------------- */
#define INDICATOR_COLUMNS(X)                                                                        \
    X(path) X(template) X(code) X(dim) X(label) X(unit) X(value) X(raw) X(source) X(qualifier)     \
    X(line)
#define INDICATOR_ENUM(c) COLUMN_ENUM(INDICATOR, c)
enum { INDICATOR_COLUMNS(INDICATOR_ENUM) INDICATOR_NCOLUMNS };

static int indicator_rows(const gipr_report *r)
{
    return r->nindicators;
}

static void indicator_column(sqlite3_context *ctx, const gipr_report *r, int row, int col)
{
    const gipr_indicator *x = &r->indicators[row];
    switch (col) {
    case INDICATOR_path: gipr_result_text(ctx, r->path, 1); break;
    case INDICATOR_template: gipr_result_text(ctx, gipr_template_name(r->template_), 0); break;
    case INDICATOR_code: gipr_result_text(ctx, x->code, 0); break;
    case INDICATOR_dim: gipr_result_text(ctx, x->dim, 1); break;
    case INDICATOR_label: gipr_result_text(ctx, x->label, 0); break;
    case INDICATOR_unit: gipr_result_text(ctx, x->unit, 1); break;
    case INDICATOR_value: gipr_result_number(ctx, x->value, !x->is_real); break;
    case INDICATOR_raw: gipr_result_text(ctx, x->raw, 0); break;
    case INDICATOR_source:
        gipr_result_text(ctx, x->source == GIPR_SOURCE_TEXT ? "text" : "table", 0);
        break;
    case INDICATOR_qualifier: gipr_result_text(ctx, x->qualifier, 1); break;
    case INDICATOR_line: gipr_result_positive(ctx, x->line); break;
    }
}

/* ---- gipr_checks: one row per rule instance, then CARRY across the reports --------------- */
#define CHECK_COLUMNS(X)                                                                            \
    X(path) X(rule) X(severity) X(status) X(dim) X(expected) X(actual) X(message) X(line)
#define CHECK_ENUM(c) COLUMN_ENUM(CHECK, c)
enum { CHECK_COLUMNS(CHECK_ENUM) CHECK_NCOLUMNS };

static int check_rows(const gipr_report *r)
{
    return r->nchecks;
}

static void check_column(sqlite3_context *ctx, const gipr_report *r, int row, int col)
{
    const gipr_check *k = &r->checks[row];
    switch (col) {
    case CHECK_path: gipr_result_text(ctx, k->path ? k->path : r->path, 1); break; /* CARRY: the later year's */
    case CHECK_rule: gipr_result_text(ctx, k->rule, 0); break;
    case CHECK_severity: gipr_result_text(ctx, k->severity, 0); break;
    case CHECK_status: gipr_result_text(ctx, gipr_status_name(k->status), 0); break;
    case CHECK_dim: gipr_result_text(ctx, k->dim, 1); break;
    case CHECK_expected: gipr_result_text(ctx, k->expected, 0); break;
    case CHECK_actual: gipr_result_text(ctx, k->actual, 0); break;
    case CHECK_message: gipr_result_text(ctx, k->message, 0); break;
    case CHECK_line: gipr_result_positive(ctx, k->line); break;
    }
}

const gipr_report_table gipr_report_tables[] = {
    {"gipr_reports", REPORT_COLUMNS(COLUMN_NAME), REPORT_NCOLUMNS, report_rows, report_column, 0},
    {"gipr_sections", SECTION_COLUMNS(COLUMN_NAME), SECTION_NCOLUMNS, section_rows, section_column, 0},
    {"gipr_indicators", INDICATOR_COLUMNS(COLUMN_NAME), INDICATOR_NCOLUMNS, indicator_rows,
     indicator_column, 0},
    {"gipr_checks", CHECK_COLUMNS(COLUMN_NAME), CHECK_NCOLUMNS, check_rows, check_column, 1},
};
const int gipr_report_tables_count = (int)(sizeof gipr_report_tables / sizeof gipr_report_tables[0]);
