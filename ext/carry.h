/* CARRY across the reports of one call: what one year carries out, the next carries in.
 *
 * The rule needs every report of the call, but a scan of thousands of files must not keep them
 * all parsed. So each report is kept as a slim copy: its metadata and only the indicators whose
 * codes the CARRY rule names in its statement (rules.def; today request.carried_in and
 * request.carried_out), a few hundred bytes per report. Memory grows with the number of files of
 * the call, by that much. */
#ifndef GIPR_CARRY_H
#define GIPR_CARRY_H

#include "../core/gipr.h"

typedef struct {
    gipr_report **slim; /* each one sqlite3_malloc'd block */
    int n, cap;
    gipr_report *out;   /* the CARRY check rows, after gipr_carry_run */
} gipr_carry;

/* Keep what CARRY needs of r. Returns an SQLite result code. */
int gipr_carry_add(gipr_carry *k, const gipr_report *r);
/* Run the rule over the reports added; the rows are in the returned report's checks (never NULL
 * unless out of memory). */
const gipr_report *gipr_carry_run(gipr_carry *k);
void gipr_carry_free(gipr_carry *k);

#endif
