/* Cutting a run of digits back into table cells (see digit_split.h). A depth-first search over
 * the cut points, pruned by the no-leading-zero rule and by the group identity at the end of
 * every group, with a bound on the work so that a long digit run cannot stall a parse. */
#include "digit_split.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Counts larger than this are not cells of these forms; amounts stay below it too. */
enum { MAX_PART_LEN = 12, MAX_STEPS = 200000 };

typedef struct {
    const char *s;
    size_t n;
    const gipr_split_spec *spec;
    gipr_split cur;
    gipr_split *out;
    int max, found, steps;
} search;

/* 1 when s[0..len) is a number a cell of part i can hold. */
static int valid_part(const search *q, int i, const char *s, size_t len)
{
    size_t k = 0;
    if (s[0] == '-') {
        if (!(q->spec->negative_parts >> i & 1u))
            return 0;
        k = 1;
    }
    if (k >= len || s[k] < '0' || s[k] > '9')
        return 0;
    int dots = 0;
    for (size_t j = k; j < len; j++) {
        if (s[j] == '.') {
            if (dots++ || j + 1 == len || !(q->spec->decimal_parts >> i & 1u))
                return 0;
        } else if (s[j] < '0' || s[j] > '9') {
            return 0;
        }
    }
    /* "0" and "0.5" are cells; "05" is two cells, and "-0" is no number anyone writes */
    if (s[k] == '0' && len > k + 1 && s[k + 1] != '.')
        return 0;
    if (s[k] == '0' && k == 1 && len == 2)
        return 0;
    return 1;
}

static double part_value(const char *s, size_t len)
{
    char buf[MAX_PART_LEN + 2];
    memcpy(buf, s, len);
    buf[len] = 0;
    return strtod(buf, NULL);
}

/* The identity of the group that part i closes, when it closes one. */
static int group_holds(const search *q, int i)
{
    int g = q->spec->group;
    if (g < 2 || (i + 1) % g != 0)
        return 1;
    double sum = 0;
    for (int j = i + 1 - g; j < i; j++)
        sum += q->cur.value[j];
    return fabs(sum - q->cur.value[i]) < 1e-6;
}

static void dfs(search *q, size_t pos, int i)
{
    if (q->found > q->max || q->steps < 0)
        return;
    if (++q->steps > MAX_STEPS) {
        q->steps = -1;
        return;
    }
    int left = q->spec->nparts - i;
    if (left == 0) {
        if (pos == q->n) {
            if (q->found < q->max)
                q->out[q->found] = q->cur;
            q->found++;
        }
        return;
    }
    size_t rest = q->n - pos;
    if (rest < (size_t)left)
        return;
    for (size_t len = 1; len <= MAX_PART_LEN + 1 && len <= rest - (size_t)(left - 1); len++) {
        /* a minus sign always opens a cell, so no part runs over one */
        if (len > 1 && q->s[pos + len - 1] == '-')
            break;
        if (!valid_part(q, i, q->s + pos, len))
            continue;
        q->cur.start[i] = pos;
        q->cur.len[i] = len;
        q->cur.value[i] = part_value(q->s + pos, len);
        if (group_holds(q, i))
            dfs(q, pos + len, i + 1);
    }
}

int gipr_digit_split(const char *s, size_t n, const gipr_split_spec *spec, gipr_split *out, int max)
{
    if (!spec || spec->nparts < 1 || spec->nparts > GIPR_SPLIT_MAX_PARTS || n == 0 ||
        n > (size_t)spec->nparts * (MAX_PART_LEN + 1))
        return n == 0 ? 0 : -1;
    search q = {.s = s, .n = n, .spec = spec, .out = out, .max = out ? max : 0};
    dfs(&q, 0, 0);
    if (q.steps < 0)
        return -1;
    return q.found;
}
