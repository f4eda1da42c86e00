/* The tables read from reports (gipr_reports, gipr_sections, gipr_indicators, gipr_checks), each
 * described by its columns, how many rows one report gives, and how to read a column of a row.
 * One generic cursor (vtab_report.c) walks the files and serves every table from these. */
#ifndef GIPR_REPORT_TABLES_H
#define GIPR_REPORT_TABLES_H

#include "ext.h"

typedef struct {
    const char *name;    /* the module name, gipr_reports ... */
    const char *columns; /* the visible columns for CREATE TABLE, path first */
    int ncolumns;
    int (*rows)(const gipr_report *r);
    void (*column)(sqlite3_context *ctx, const gipr_report *r, int row, int col);
    int with_carry; /* after the rows of every report, the CARRY checks across them */
} gipr_report_table;

extern const gipr_report_table gipr_report_tables[];
extern const int gipr_report_tables_count;

#endif
