/* Small text helpers shared by the readers: folding characters and keys for matching labels. */
#ifndef GIPR_TEXT_H
#define GIPR_TEXT_H

#include "internal.h"

/* The ASCII form of a full-width character (U+FF01..U+FF5E), U+3000/NBSP/other spaces -> ' ',
 * ﹒ (U+FE52) and ． -> '.'; every other code point unchanged. */
static inline uint32_t gipr_fold_cp(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFF01 + 0x21;
    if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == '\t')
        return ' ';
    if (cp == 0xFE52)
        return '.';
    return cp;
}

/* Decode the code point at s (n bytes available) and fold it; returns its byte length.
 * Inline because every reader calls it once per character. */
static inline int gipr_next_folded(const char *s, size_t n, uint32_t *cp)
{
    int k = gipr_utf8_next(s, n, cp);
    *cp = gipr_fold_cp(*cp);
    return k;
}

/* Byte length of the blank at s: ASCII space, \r, \v, \f, NBSP or U+3000, and a tab when
 * tab_is_blank (in table text a tab separates cells instead); 0 when s starts with no blank. A
 * byte-level test, without decoding, for the line and cell cutters that run over every byte. */
size_t gipr_blank_len(const char *s, size_t n, int tab_is_blank);

/* Index after the spaces (after folding: ASCII space, U+3000, NBSP …) at s[i..n). */
size_t gipr_skip_spaces(const char *s, size_t n, size_t i);

/* A key for comparing labels: folded, without white space, without a leading list number
 * (一、 (一) 1. 1、 其中:) and without ASCII/CJK punctuation. Writes at most cap-1 bytes to out
 * (always NUL-terminated); returns the key length. */
size_t gipr_label_key(const char *s, size_t n, char *out, size_t cap);

/* Length in bytes of a leading list number such as "一、", "(一)", "（一）", "1.", "1、", "1．",
 * "1)", "一)", or one enclosed mark "①" "⑴" "⒈" "㈠" "㊀" (with an optional 、 or . after it),
 * including leading and following spaces; 0 when there is none. */
size_t gipr_list_number_len(const char *s, size_t n);

/* 1 when s[0..n) contains the UTF-8 string needle. */
int gipr_contains(const char *s, size_t n, const char *needle);

/* The number of tabs trimmed off the start of line i (lines.c); for a blank line, the tabs it
 * held. Cell-per-line tables write an empty cell as a line holding only a tab. */
int gipr_line_leading_tabs(const gipr_ctx *c, int i);

#endif
