/* gipr: read Chinese government information-disclosure annual reports
 * (政府信息公开工作年度报告) into rows.
 *
 * The public C interface of the parser. It has no SQLite in it: any program can link core/ and
 *
 *     gipr_report *r = gipr_report_new();
 *     if (gipr_parse(r, "report.txt", bytes, len, NULL) == 0)
 *         for (int i = 0; i < r->nindicators; i++) ... r->indicators[i] ...
 *     gipr_report_free(r);
 *
 * A report is read as a pipeline, one stage per file of core/:
 *   bytes -> text (decode.c, normalize.c, html.c) -> lines (lines.c)
 *   -> blocks: tables and sections (blocks.c, sections.c)
 *   -> indicators: table cells and prose (table_legacy.c, table_form.c, prose.c, metadata.c)
 *   -> checks (checks.c).
 * Every string a report hands out lives in the report's arena and stays valid until the next
 * gipr_parse / gipr_report_reset / gipr_report_free on that report.
 */
#ifndef GIPR_H
#define GIPR_H

#include <stddef.h>

#define GIPR_VERSION "0.1.0"

typedef enum {
    GIPR_TEMPLATE_NONE = 0, /* no statistics table of a known form was found */
    GIPR_TEMPLATE_LEGACY,   /* 政府信息公开情况统计表 (reports for 2018 and earlier) */
    GIPR_TEMPLATE_T2019,    /* 国办公开办函〔2019〕60号 */
    GIPR_TEMPLATE_T2021     /* 国办公开办函〔2021〕30号 */
} gipr_template;

typedef enum { GIPR_SOURCE_TABLE = 0, GIPR_SOURCE_TEXT } gipr_source;

typedef enum { GIPR_CHECK_PASS = 0, GIPR_CHECK_FAIL, GIPR_CHECK_SKIP } gipr_status;

typedef struct {
    int seq;             /* 1-based order in the report */
    int parent;          /* seq of the enclosing section, 0 at the top */
    int level;           /* 1 for 一、, 2 for （一）, 3 for 1. */
    const char *number;  /* "一", "一", "1" as written, without punctuation */
    const char *heading; /* the heading text without its number */
    const char *body;    /* the text under the heading up to the next heading of any level */
    int line;            /* 1-based line of the heading in the source */
} gipr_section;

typedef struct {
    const char *code;      /* canonical code from the catalog */
    const char *dim;       /* table column, or NULL */
    const char *label;     /* the row label as written */
    const char *unit;      /* 件, 条, 万元 ... */
    double value;          /* the number; amounts converted to 万元 */
    int is_real;           /* 1: amount (REAL in SQL); 0: count (INTEGER) */
    const char *raw;       /* the cell or phrase as written */
    gipr_source source;
    const char *qualifier; /* NULL for exact numbers; 余, 多, 近, 超过 ... for approximate ones */
    int line;
} gipr_indicator;

typedef struct {
    const char *rule;     /* rule id from rules.def */
    const char *severity; /* error | warning | info */
    gipr_status status;
    const char *dim;      /* the dim the instance is about, or NULL */
    const char *expected; /* what the rule expects, as text, or NULL */
    const char *actual;   /* what the report says, as text, or NULL */
    const char *message;  /* Chinese, naming the numbers; for a skip, what is missing */
    int line;             /* 0 when not tied to a line */
    const char *path;     /* the report the row is about; NULL: the report holding it (CARRY rows
                             name the later year's report) */
} gipr_check;

typedef struct {
    const char *encoding; /* force an input encoding (iconv name); NULL: detect */
    int is_html;          /* -1: detect from name and bytes, 0: text, 1: HTML */
} gipr_options;

struct gipr_arena_block;
typedef struct {
    struct gipr_arena_block *head;
} gipr_arena;

typedef struct gipr_report {
    /* metadata (NULL / 0 when not stated) */
    const char *path;
    const char *title;
    const char *issuer;
    const char *region;
    const char *region_code;
    const char *level; /* province | city | county | township | department */
    int year;
    gipr_template template_;
    const char *period_start, *period_end; /* ISO dates */
    const char *published, *signed_on;     /* ISO dates */
    const char *encoding;                  /* the input encoding detected or forced */
    const char *format;                    /* text | html */
    size_t bytes;

    gipr_section *sections;
    int nsections;
    gipr_indicator *indicators;
    int nindicators;
    gipr_check *checks;
    int nchecks;

    const char *diagnostics; /* NULL, or what could not be read, one item per line */

    /* private */
    gipr_arena arena;
    int cap_sections, cap_indicators, cap_checks;
    char *diag_buf;
    size_t diag_len, diag_cap;
} gipr_report;

gipr_report *gipr_report_new(void);
/* Parse one report. name is used for messages and format detection; it is not opened.
 * Returns 0, or -1 when memory ran out (the report then holds a diagnostic). */
int gipr_parse(gipr_report *r, const char *name, const void *bytes, size_t len,
               const gipr_options *opt);
/* Read a file from disk and parse it. Returns 0; -1 with errno set when it cannot be read. */
int gipr_parse_file(gipr_report *r, const char *path, const gipr_options *opt);
void gipr_report_reset(gipr_report *r);
void gipr_report_free(gipr_report *r);

const char *gipr_template_name(gipr_template t); /* "legacy" | "t2019" | "t2021" | NULL */
const char *gipr_status_name(gipr_status s);     /* "pass" | "fail" | "skip" */

/* The value of a number as written: "１２３" -> 123, "4.4万" -> 44000, "一百二十" -> 120.
 * Returns 1 and sets *value (and *qualifier to a static string or NULL) when the text is one
 * number, 0 for empty cells ("——", "/", "-", "") and anything else. */
int gipr_number(const char *text, size_t len, double *value, const char **qualifier);

/* The catalog and the rules, as compiled in from catalog.def and rules.def. */
typedef struct {
    const char *code, *templates, *dims, *unit, *label, *parent, *note;
} gipr_catalog_entry;
extern const gipr_catalog_entry gipr_catalog[];
extern const int gipr_catalog_count;
const gipr_catalog_entry *gipr_catalog_find(const char *code);

typedef struct {
    const char *rule, *templates, *severity, *statement, *why;
} gipr_rule;
extern const gipr_rule gipr_rules[];
extern const int gipr_rules_count;
const gipr_rule *gipr_rule_find(const char *rule);

/* CARRY, across reports: the checks comparing request.carried_in of year Y with
 * request.carried_out of year Y-1 for the same issuer. Appends to out (a report used only as a
 * container of checks). */
void gipr_check_carry(const gipr_report *const *reports, int n, gipr_report *out);

#endif
