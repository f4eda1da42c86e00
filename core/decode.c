/* bytes -> UTF-8. Reports come as UTF-8 (with or without a BOM), UTF-16 (from Word exports) or
 * GBK/GB2312 (older sites). Detection, in order:
 *   1. an encoding forced by the caller (any iconv name; GBK, GB2312, CP936 read as GB18030);
 *   2. a byte-order mark: UTF-8, UTF-16LE, UTF-16BE;
 *   3. UTF-16 without a BOM: bytes that are not UTF-8 (or hold NULs) and whose every other byte
 *      is a plausible high byte of Chinese text (00 for ASCII, 4E..9F for ideographs ...);
 *   4. UTF-8 when the bytes are valid UTF-8 (or nearly: a few broken sequences in much UTF-8);
 *   5. otherwise GB18030, the superset of GBK and GB2312.
 * r->encoding is then one of "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", or the forced name.
 * Bytes that cannot be decoded become U+FFFD with one diagnostic for the whole input: decoding
 * never fails. Work is linear in the input. */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* A growing UTF-8 output in the arena (the old block is left to the arena: growth doubles, so
 * the waste is bounded by the final size). */
typedef struct {
    gipr_ctx *c;
    char *s;
    size_t len, cap;
    size_t bad; /* undecodable bytes replaced */
} utf8_out;

static int out_reserve(utf8_out *o, size_t more)
{
    if (o->len + more + 1 <= o->cap)
        return 0;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->len + more + 1)
        cap *= 2;
    char *s = gipr_arena_alloc(o->c->arena, cap);
    if (!s) {
        o->c->oom = 1;
        return -1;
    }
    if (o->len)
        memcpy(s, o->s, o->len);
    o->s = s;
    o->cap = cap;
    return 0;
}

static int out_replacement(utf8_out *o)
{
    if (out_reserve(o, 3))
        return -1;
    memcpy(o->s + o->len, replacement, 3);
    o->len += 3;
    o->bad++;
    return 0;
}

/* Length of the broken sequence at in[0..n): a lead byte with the continuation bytes that
 * follow it (a character cut short counts once), or the single stray byte. */
static size_t broken_len(const unsigned char *in, size_t n)
{
    size_t want = in[0] >= 0xF0 ? 4 : in[0] >= 0xE0 ? 3 : in[0] >= 0xC2 ? 2 : 1, k = 1;
    while (k < want && k < n && (in[k] & 0xC0) == 0x80)
        k++;
    return in[0] >= 0xC2 && in[0] <= 0xF4 ? k : 1;
}

/* Copies UTF-8, replacing each broken sequence by U+FFFD. */
static int copy_utf8(utf8_out *o, const unsigned char *in, size_t len)
{
    if (out_reserve(o, len))
        return -1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = gipr_utf8_next((const char *)in + i, len - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && in[i] == 0xEF)) {
            if (out_replacement(o))
                return -1;
            k = (int)broken_len(in + i, len - i);
        } else {
            if (out_reserve(o, (size_t)k))
                return -1;
            memcpy(o->s + o->len, in + i, (size_t)k);
            o->len += (size_t)k;
        }
        i += (size_t)k;
    }
    return 0;
}

/* Converts from an iconv encoding; an undecodable unit (unit bytes) becomes U+FFFD. Returns -1
 * when iconv does not know the encoding (nothing written) or on OOM. */
static int convert(utf8_out *o, const char *from, const unsigned char *in, size_t len,
                   size_t unit)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    char *src = (char *)in;
    size_t left = len;
    int rc = 0;
    while (left > 0) {
        if (out_reserve(o, left * 2 + 16)) {
            rc = -1;
            break;
        }
        char *dst = o->s + o->len;
        size_t room = o->cap - o->len - 1;
        size_t n = iconv(cd, &src, &left, &dst, &room);
        o->len = (size_t)(dst - o->s);
        if (n != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ: skip one unit; EINVAL: a truncated sequence at the end */
        size_t skip = errno == EILSEQ && left > unit ? unit : left;
        if (out_replacement(o)) {
            rc = -1;
            break;
        }
        src += skip;
        left -= skip;
        iconv(cd, NULL, NULL, NULL, NULL); /* reset the shift state */
    }
    iconv_close(cd);
    return rc;
}

/* The high byte of a UTF-16 code unit of Chinese text: ASCII (00), punctuation (20, 30),
 * CJK ideographs (4E..9F) or full-width forms (FF). GBK's lead bytes are mostly B0..F7. */
static int plausible_high_byte(unsigned char hi)
{
    return hi == 0x00 || hi == 0x20 || hi == 0x30 || hi == 0xFF || (hi >= 0x4E && hi <= 0x9F);
}

/* "UTF-16LE"/"UTF-16BE" when the bytes look like UTF-16 without a BOM: nine code units in ten
 * have a plausible high byte on one side, else NULL. */
static const char *sniff_utf16(const unsigned char *in, size_t len)
{
    size_t n = (len < 4096 ? len : 4096) & ~(size_t)1, pairs = n / 2, le = 0, be = 0;
    if (pairs < 2)
        return NULL;
    for (size_t i = 0; i < n; i += 2) {
        if (in[i] == 0 && in[i + 1] == 0)
            continue; /* U+0000 is no text */
        le += plausible_high_byte(in[i + 1]);
        be += plausible_high_byte(in[i]);
    }
    if (le * 10 >= pairs * 9 && le > be)
        return "UTF-16LE";
    if (be * 10 >= pairs * 9 && be > le)
        return "UTF-16BE";
    return NULL;
}

/* 1 when the bytes are UTF-8 with at most a few broken sequences (a truncated or damaged file),
 * as against GBK text, whose bytes rarely form valid multi-byte UTF-8. */
static int mostly_utf8(const unsigned char *in, size_t len)
{
    size_t multi = 0, bad = 0;
    for (size_t i = 0; i < len;) {
        if (in[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = gipr_utf8_next((const char *)in + i, len - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && in[i] == 0xEF))
            bad++;
        else
            multi++;
        i += (size_t)k;
    }
    return bad == 0 || multi >= 8 * bad;
}

/* The stable name of a forced encoding, and the iconv name to decode it with. */
static const char *forced_name(gipr_ctx *c, const char *name, const char **iconv_name)
{
    static const char *const gb_family[] = {"GBK", "GB2312", "GB18030", "CP936", "EUC-CN",
                                            "GB_2312-80", "X-GBK", NULL};
    for (const char *const *g = gb_family; *g; g++)
        if (strcasecmp(name, *g) == 0) {
            *iconv_name = "GB18030";
            return "GB18030";
        }
    if (strcasecmp(name, "UTF8") == 0 || strcasecmp(name, "UTF-8") == 0) {
        *iconv_name = "UTF-8";
        return "UTF-8";
    }
    *iconv_name = name;
    char *upper = gipr_arena_strdup(c->arena, name);
    if (!upper)
        return name;
    for (char *p = upper; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return upper;
}

static size_t unit_of(const char *iconv_name)
{
    return strncasecmp(iconv_name, "UTF-16", 6) == 0 || strncasecmp(iconv_name, "UCS-2", 5) == 0
               ? 2
               : strncasecmp(iconv_name, "UTF-32", 6) == 0 ? 4 : 1;
}

/* Decodes with the caller's encoding; 0, or -1 when iconv does not know it. */
static int decode_forced(gipr_ctx *c, utf8_out *o, const unsigned char *in, size_t len)
{
    const char *iconv_name;
    const char *name = forced_name(c, c->opt->encoding, &iconv_name);
    if (strcmp(iconv_name, "UTF-8") == 0) {
        if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
            in += 3, len -= 3;
        c->r->encoding = "UTF-8";
        return copy_utf8(o, in, len) ? -2 : 0;
    }
    size_t before = o->len;
    if (convert(o, iconv_name, in, len, unit_of(iconv_name))) {
        if (c->oom)
            return -2;
        o->len = before;
        gipr_diag(c, "unknown encoding '%s'; detected instead", c->opt->encoding);
        return -1;
    }
    c->r->encoding = name;
    return 0;
}

/* Detects the encoding (see the top of the file) and decodes. */
static int decode_detected(gipr_ctx *c, utf8_out *o, const unsigned char *in, size_t len)
{
    gipr_report *r = c->r;
    const char *utf16 = NULL;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
        r->encoding = "UTF-8";
        return copy_utf8(o, in + 3, len - 3);
    }
    if (len >= 2 && in[0] == 0xFF && in[1] == 0xFE)
        utf16 = "UTF-16LE";
    else if (len >= 2 && in[0] == 0xFE && in[1] == 0xFF)
        utf16 = "UTF-16BE";
    if (utf16) {
        r->encoding = utf16;
        return convert(o, utf16, in + 2, len - 2, 2);
    }
    /* UTF-8 text has no NUL bytes, and UTF-16 is rarely valid UTF-8 */
    int utf8_valid = gipr_utf8_valid((const char *)in, len);
    if ((!utf8_valid || memchr(in, 0, len)) && (utf16 = sniff_utf16(in, len)) != NULL) {
        r->encoding = utf16;
        return convert(o, utf16, in, len, 2);
    }
    if (utf8_valid) { /* the common case: nothing to check again */
        r->encoding = "UTF-8";
        if (out_reserve(o, len))
            return -1;
        memcpy(o->s + o->len, in, len);
        o->len += len;
        return 0;
    }
    if (mostly_utf8(in, len)) {
        r->encoding = "UTF-8";
        return copy_utf8(o, in, len);
    }
    r->encoding = "GB18030";
    return convert(o, "GB18030", in, len, 1);
}

int gipr_decode(gipr_ctx *c, const unsigned char *bytes, size_t len, char **out, size_t *outlen)
{
    utf8_out o = {.c = c};
    int rc = -1;
    if (out_reserve(&o, len + 16))
        return -1;
    if (c->opt && c->opt->encoding && c->opt->encoding[0])
        rc = decode_forced(c, &o, bytes, len);
    if (rc == -2)
        return -1;
    if (rc == -1 && decode_detected(c, &o, bytes, len))
        return -1;
    if (o.bad)
        gipr_diag(c, "%zu undecodable byte sequence%s replaced by U+FFFD (read as %s)", o.bad,
                  o.bad == 1 ? "" : "s", c->r->encoding);
    o.s[o.len] = 0;
    *out = o.s;
    *outlen = o.len;
    return 0;
}
