/* Cutting a run of digits back into table cells.
 *
 * Naive HTML-to-text tools drop the separators between cells: the row 规章 | 0 | 0 | 0 becomes
 * 规章000, and 表三's row becomes 一、本年新收政府信息公开申请数量21710000218. The column order of
 * the official forms is fixed and their identities (表三: 总计 = the six applicant columns; 表四:
 * each group's 总计 = its four outcomes) say which cut is right. A cut is accepted only when it is
 * the only one: a digit string that admits two readings yields no value. */
#ifndef GIPR_DIGIT_SPLIT_H
#define GIPR_DIGIT_SPLIT_H

#include <stddef.h>

enum { GIPR_SPLIT_MAX_PARTS = 16 };

typedef struct {
    int nparts;              /* cells the string holds */
    unsigned negative_parts; /* bit i: part i may carry a leading '-' (本年增/减) */
    unsigned decimal_parts;  /* bit i: part i may have a decimal point (amounts) */
    int group;               /* 0, or k: every k consecutive parts end with the sum of the others */
} gipr_split_spec;

typedef struct {
    size_t start[GIPR_SPLIT_MAX_PARTS], len[GIPR_SPLIT_MAX_PARTS];
    double value[GIPR_SPLIT_MAX_PARTS];
} gipr_split;

/* Every way to cut s[0..n) (ASCII digits, '-' and '.') into spec->nparts numbers, none with a
 * leading zero, '-' only at the start of a part allowed to be negative (a '-' always starts a
 * new part), '.' only inside a decimal part, satisfying the group identity. Stores up to max
 * solutions in out (may be NULL when max is 0) and returns how many were found, counting at
 * most max + 1; returns -1 when the search is too large to be sure (treat as ambiguous). */
int gipr_digit_split(const char *s, size_t n, const gipr_split_spec *spec, gipr_split *out,
                     int max);

#endif
