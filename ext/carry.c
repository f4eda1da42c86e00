/* Slim copies of reports for the CARRY rule (see carry.h). */
#include "ext.h"
#include "carry.h"

#include <string.h>

/* 1 when the CARRY rule's statement names code as a whole word ("request.carried_in" but not a
 * prefix of a longer code). */
static int carry_reads(const char *code)
{
    const gipr_rule *rule = gipr_rule_find("CARRY");
    if (!rule)
        return 0;
    size_t n = strlen(code);
    for (const char *s = strstr(rule->statement, code); s; s = strstr(s + 1, code)) {
        char after = s[n];
        int longer_code = after == '_' || after == '.' || (after >= 'a' && after <= 'z') ||
                          (after >= '0' && after <= '9');
        if (!longer_code)
            return 1;
    }
    return 0;
}

/* The strings of a slim copy go right after its struct and its indicators, in one block. */
typedef struct {
    char *next;
    size_t need;
} packer;

static const char *pack(packer *p, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    if (!p->next) { /* the sizing pass */
        p->need += n;
        return NULL;
    }
    char *copy = memcpy(p->next, s, n);
    p->next += n;
    return copy;
}

/* Copy into slim (or, when p->next is NULL, only count the bytes it needs). */
static int copy_slim(gipr_report *slim, const gipr_report *r, gipr_indicator *ind, packer *p)
{
    slim->path = pack(p, r->path);
    slim->title = pack(p, r->title);
    slim->issuer = pack(p, r->issuer);
    slim->region = pack(p, r->region);
    slim->region_code = pack(p, r->region_code);
    slim->level = pack(p, r->level);
    slim->period_start = pack(p, r->period_start);
    slim->period_end = pack(p, r->period_end);
    slim->published = pack(p, r->published);
    slim->signed_on = pack(p, r->signed_on);
    slim->year = r->year;
    slim->template_ = r->template_;
    slim->bytes = r->bytes;
    int kept = 0;
    for (int i = 0; i < r->nindicators; i++) {
        const gipr_indicator *x = &r->indicators[i];
        if (!x->code || !carry_reads(x->code))
            continue;
        if (ind) {
            ind[kept] = *x;
            ind[kept].code = pack(p, x->code);
            ind[kept].dim = pack(p, x->dim);
            ind[kept].label = pack(p, x->label);
            ind[kept].unit = pack(p, x->unit);
            ind[kept].raw = pack(p, x->raw);
            ind[kept].qualifier = pack(p, x->qualifier);
        } else {
            pack(p, x->code), pack(p, x->dim), pack(p, x->label);
            pack(p, x->unit), pack(p, x->raw), pack(p, x->qualifier);
        }
        kept++;
    }
    slim->indicators = ind;
    slim->nindicators = kept;
    return kept;
}

int gipr_carry_add(gipr_carry *k, const gipr_report *r)
{
    if (k->n == k->cap) {
        int cap = k->cap ? k->cap * 2 : 16;
        gipr_report **p = sqlite3_realloc64(k->slim, (sqlite3_uint64)cap * sizeof *p);
        if (!p)
            return SQLITE_NOMEM;
        k->slim = p;
        k->cap = cap;
    }
    gipr_report sizing;
    memset(&sizing, 0, sizeof sizing);
    packer p = {NULL, 0};
    int kept = copy_slim(&sizing, r, NULL, &p);
    size_t head = sizeof(gipr_report) + (size_t)kept * sizeof(gipr_indicator);
    gipr_report *slim = sqlite3_malloc64(head + p.need);
    if (!slim)
        return SQLITE_NOMEM;
    memset(slim, 0, sizeof *slim);
    gipr_indicator *ind = kept ? (gipr_indicator *)(slim + 1) : NULL;
    p.next = (char *)slim + head;
    copy_slim(slim, r, ind, &p);
    k->slim[k->n++] = slim;
    return SQLITE_OK;
}

const gipr_report *gipr_carry_run(gipr_carry *k)
{
    if (!k->out) {
        k->out = gipr_report_new();
        if (!k->out)
            return NULL;
        gipr_check_carry((const gipr_report *const *)k->slim, k->n, k->out);
    }
    return k->out;
}

void gipr_carry_free(gipr_carry *k)
{
    for (int i = 0; i < k->n; i++)
        sqlite3_free(k->slim[i]);
    sqlite3_free(k->slim);
    gipr_report_free(k->out);
    memset(k, 0, sizeof *k);
}
