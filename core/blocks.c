/* Blocks: find the statistics tables before the sections, so that table rows (一、主动公开情况 …)
 * are never taken for headings. Each form's reader knows how to recognise its own tables. */
#include "internal.h"
#include "tables.h"

void gipr_find_tables(gipr_ctx *c)
{
    gipr_find_legacy_tables(c);
    gipr_find_form_tables(c);
}
