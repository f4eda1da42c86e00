/* The state of reading one table of the t2019/t2021 forms, shared by table_form.c (finding the
 * tables, reading rows from their labels, 表二, 表四, emitting rows) and form_requests.c (what
 * 表三's identities recover when labels and numbers come apart). */
#ifndef GIPR_FORM_READER_H
#define GIPR_FORM_READER_H

#include "digit_split.h"
#include "form_rows.h"
#include "form_tokens.h"
#include "internal.h"

typedef struct {
    int set; /* the cell was read (a blank cell too) */
    int has; /* it holds a number */
    double value;
    const char *raw;
    int line;
    int yuan;
    int marked_cells; /* read from a row that marks its cells (form_token.marked_cells) */
} form_slot;

typedef struct {
    int seen;      /* its label is in the table */
    int label_tok; /* token index of the label */
    const char *label;
    int ncols; /* the columns the table gives it, in order */
    const char *cols[FORM_MAX_DIMS];
    int filled; /* columns consumed (a blank cell consumes one) */
    form_slot v[FORM_MAX_DIMS];
    int via_label;           /* its numbers followed its label */
    const gipr_split *cands; /* 表三: the readings of its digits run together, when several */
    int ncands;
    const form_token *cands_tok;
    int cands_agreed; /* cells all those readings agree on (already read) */
    int amount_in_yuan; /* its amount column is headed 单位：元: the numbers are in 元 */
    int lines_used; /* distinct source rows its numbers came from (more than one: one cell
                       per line, or recovered) */
    int last_row;
} form_row_state;

/* A number no label claimed when it came: placed once the whole table is read. */
typedef struct {
    int tok;
    int prev_row, next_row; /* rows filled from their labels just before / after it */
    const char *dim;        /* the 表二 column heading in force, or NULL */
} form_orphan;

/* A run of 表三's numbers its labels could not place: reported only when no later reading of
 * the whole table recovers it, so that the diagnostics never say "left out" of a cell read. */
typedef struct {
    int line;
    int count;
} form_unplaced_run;

typedef struct {
    gipr_ctx *c;
    const form_catalog *fc;
    int kind, form;
    form_tokens toks;
    form_row_state rows[FORM_MAX_ROWS];
    form_orphan *orphans;
    int norphans, cap_orphans;
    int scrambled;      /* numbers had to be read down the columns somewhere */
    int unplaced;       /* numbers left out for want of a certain place */
    form_unplaced_run *unplaced_runs;
    int nunplaced_runs, cap_unplaced_runs;
    gipr_split *splits; /* scratch for the readings of one run of digits */
    /* 表三 printed with fewer columns than the form (自然人 | 法人或其他组织 | 总计): the dims of
     * its columns as its heading row names them, "" for a column with no dim of the form */
    const char *heading_cols[FORM_MAX_DIMS];
    int nheading_cols;
} form_reader;

/* The dims of a row in the form being read, in column order; returns the count. */
int reader_row_dims(const form_reader *rd, int row, const char **dims);
/* 1 when the row belongs to the form being read. */
int reader_row_in_form(const form_reader *rd, int row);
/* Sets column col of a row from token t. */
void reader_put_slot(form_reader *rd, int row, int col, const form_token *t, double value,
                     const char *raw);
/* Sets column col of a row from part p of a cut run of digits t. */
void reader_put_part(form_reader *rd, int row, int col, const form_token *t, const gipr_split *sp,
                     int p);
/* 1 for a row whose cell spans the sub-rows printed right under it, when the table has them. */
int reader_is_aggregate(const form_reader *rd, int row);
/* 表三's row identity: 总计 = the six applicant columns. */
int form_row_adds_up(const double *v);
/* The diagnostic of a run of digits with several readings, once it is known how it ended. */
void reader_diag_several_cuts(form_reader *rd, int row, const form_token *t, int nparts,
                              const char *outcome);

/* form_requests.c: 表三 after its labels have been read */
void requests_place_orphans(form_reader *rd);     /* numbers printed apart from their labels */
void requests_report_unplaced(form_reader *rd);   /* the diagnostics of the runs left out */
void requests_settle_by_columns(form_reader *rd); /* runs of digits the rows alone do not settle */
int requests_read_in_form_order(
    form_reader *rd); /* a table printed block by block, across or down */
/* 表三 as its numbers alone, no row label (converters that drop them): read in the form's row
 * and column order only when the count is the form's and every identity holds; returns 1 when
 * read. */
int requests_read_unlabelled(form_reader *rd);

#endif
