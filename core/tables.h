/* The table readers' entry points for locating their tables (called by blocks.c).
 * A locator marks the lines of each table it finds GIPR_LINE_TABLE (with line->table set) and
 * adds a gipr_table; for HTML input, tables come from html.c with kind 0 and a locator claims the
 * ones that are its own by setting their kind. */
#ifndef GIPR_TABLES_H
#define GIPR_TABLES_H

#include "internal.h"

void gipr_find_legacy_tables(gipr_ctx *c); /* table_legacy.c */
void gipr_find_form_tables(gipr_ctx *c);   /* form_locate.c */

#endif
