/* Administrative divisions: the table compiled from regions.def, lookup by code, and resolving
 * the region a report is about from its issuer and, for names shared by several places, its text.
 *
 * Resolution, in short (docs/regions.md has the long form):
 *  1. Find the division names in the issuer, leftmost-longest: 台州市椒江区人民政府 names 台州市
 *     and 椒江区. Counties must carry their suffix (椒江区); provinces and cities may appear
 *     without it (台州, 浙江).
 *  2. Each name may denote several divisions (鼓楼区: four). A division is the answer when it is
 *     consistent with more names than any other (each names it or one of its ancestors):
 *     南京市鼓楼区 -> 320106, the 鼓楼区 under 南京市.
 *  3. Still several: count, in the text, mentions of each candidate's province and city and the
 *     phone area codes of the text (0576-... is 台州). A unique best with some evidence wins;
 *     equals stay NULL.
 *  4. An issuer that names no division: the province and city names at the head of the text, or
 *     its area codes, when they all lie on one line of descent (浙江省 ... 台州市).
 * Names are found by binary search in the spellings regions.def lists in byte order; nothing is
 * built per call. */
#include "regions.h"

#include <stdint.h>
#include <string.h>

#define GIPR_REGION_SPELLING(text, row, is_short)
#define GIPR_REGION(code, name, parent, level, full_name, short_name) \
    {code, name, parent, level, full_name},
const gipr_region gipr_regions[] = {
#include "regions.def"
};
#undef GIPR_REGION
const int gipr_regions_count = (int)(sizeof gipr_regions / sizeof gipr_regions[0]);

/* The name without its suffix (台州, 内蒙古, 延边), "" when none; same order as gipr_regions. */
#define GIPR_REGION(code, name, parent, level, full_name, short_name) short_name,
static const char *const region_short[] = {
#include "regions.def"
};
#undef GIPR_REGION
#undef GIPR_REGION_SPELLING

/* Every name and short name with its row, in byte order (generated sorted): the names starting
 * at a place of a text are found by binary search. */
typedef struct {
    const char *text;
    int row;
    int is_short;
} spelling;
#define GIPR_REGION(code, name, parent, level, full_name, short_name)
#define GIPR_REGION_SPELLING(text, row, is_short) {text, row, is_short},
static const spelling spellings[] = {
#include "regions.def"
};
#undef GIPR_REGION
#undef GIPR_REGION_SPELLING
static const int spellings_count = (int)(sizeof spellings / sizeof spellings[0]);

/* Long-distance phone area codes of the cities whose counties share a name with another city's
 * (鼓楼区, 朝阳区, 城关区 ...) and of the seeds' cities, after the 工业和信息化部 numbering plan
 * as listed in zh.wikipedia.org "中国大陆长途电话区号列表". A code shared by several cities
 * (024 沈阳/抚顺/本溪/铁岭, 029 西安/咸阳, 0371 郑州/开封, 0898 all of Hainan) points at their
 * province; 开封's former 0378 still appears in older reports. */
static const struct {
    const char *code, *region;
} area_codes[] = {
    {"010", "110000"},  {"020", "440100"},  {"021", "310000"},  {"022", "120000"},
    {"023", "500000"},  {"024", "210000"},  {"025", "320100"},  {"027", "420100"},
    {"029", "610000"},  {"0311", "130100"}, {"0313", "130700"}, {"0317", "130900"},
    {"0353", "140300"}, {"0356", "140500"}, {"0371", "410000"}, {"0375", "410400"},
    {"0378", "410200"}, {"0412", "210300"}, {"0418", "210900"}, {"0431", "220100"},
    {"0434", "220300"}, {"0437", "220400"}, {"0453", "231000"}, {"0454", "230800"},
    {"0468", "230400"}, {"0469", "230500"}, {"0471", "150100"}, {"0472", "150200"},
    {"0513", "320600"}, {"0516", "320300"}, {"0517", "320800"}, {"0518", "320700"},
    {"0523", "321200"}, {"0531", "370100"}, {"0539", "371300"}, {"0562", "340700"},
    {"0571", "330100"}, {"0574", "330200"}, {"0576", "331000"}, {"0577", "330300"},
    {"0580", "330900"}, {"0591", "350100"}, {"0597", "350800"}, {"0632", "370400"},
    {"0660", "441500"}, {"0744", "430800"}, {"0755", "440300"}, {"0772", "450200"},
    {"0791", "360100"}, {"0832", "511000"}, {"0833", "511100"}, {"0851", "520100"},
    {"0891", "540100"}, {"0898", "460000"}, {"0931", "620100"}, {"0971", "630100"},
};

enum { LEVEL_PROVINCE = 1, LEVEL_CITY = 2, LEVEL_COUNTY = 4 };

/* How much of the text an issuer-less report is resolved from: the title and opening lines. */
#define HEAD_BYTES 4096
#define MAX_SAME_NAME 8 /* 鼓楼区 and 市中区 name four divisions each */
#define MAX_MENTIONS 32       /* names in an issuer */
#define MAX_HEAD_MENTIONS 128 /* names in the head of a text */

static int level_bit(const gipr_region *r)
{
    switch (r->level[0]) {
    case 'p':
        return LEVEL_PROVINCE;
    case 'c':
        return r->level[1] == 'i' ? LEVEL_CITY : LEVEL_COUNTY;
    default:
        return 0;
    }
}

const gipr_region *gipr_region_by_code(const char *code)
{
    if (!code)
        return NULL;
    int lo = 0, hi = gipr_regions_count - 1; /* regions.def is sorted by code */
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(gipr_regions[mid].code, code);
        if (c == 0)
            return &gipr_regions[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

static const gipr_region *parent_of(const gipr_region *r)
{
    return r->parent[0] ? gipr_region_by_code(r->parent) : NULL;
}

/* 1 when a is r or one of r's ancestors. */
static int is_ancestor_or_self(const gipr_region *a, const gipr_region *r)
{
    for (; r; r = parent_of(r))
        if (r == a)
            return 1;
    return 0;
}

/* ---- finding names ------------------------------------------------------------------------ */

/* A division name found in a text: every division spelled that way (鼓楼区 -> four). */
typedef struct {
    const gipr_region *region[MAX_SAME_NAME];
    int n;
} mention;

static size_t utf8_char_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The first spelling that begins with the k bytes at s (all such spellings follow it), or
 * spellings_count. */
static int first_spelling(const char *s, size_t k)
{
    int lo = 0, hi = spellings_count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strncmp(spellings[mid].text, s, k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A spelling a reader accepts for the given levels: a division's name, and the short name of a
 * province or city (a county's short name is too often a plain word: 和平, 城中, 新华). */
static int accepted(const spelling *sp, unsigned levels)
{
    int bit = level_bit(&gipr_regions[sp->row]);
    return (bit & (int)levels) && !(sp->is_short && bit == LEVEL_COUNTY);
}

/* The longest accepted spelling at s[0..n) and every division spelled so; returns its length. */
static size_t mention_at(const char *s, size_t n, unsigned levels, mention *m)
{
    size_t k = utf8_char_len((unsigned char)s[0]), best = 0;
    if (k > n)
        return 0;
    m->n = 0;
    for (int i = first_spelling(s, k);
         i < spellings_count && strncmp(spellings[i].text, s, k) == 0; i++) {
        const spelling *sp = &spellings[i];
        size_t len = strlen(sp->text);
        if (len < best || len > n || memcmp(sp->text, s, len) != 0 || !accepted(sp, levels))
            continue;
        if (len > best) {
            best = len;
            m->n = 0;
        }
        if (m->n < MAX_SAME_NAME)
            m->region[m->n++] = &gipr_regions[sp->row];
    }
    return best;
}

/* The names of the given levels in s[0..n), leftmost-longest, into out (at most cap). */
static int find_mentions(const char *s, size_t n, unsigned levels, mention *out, int cap)
{
    int count = 0;
    size_t i = 0;
    while (i < n && count < cap) {
        size_t len = (unsigned char)s[i] < 0x80 ? 0 : mention_at(s + i, n - i, levels, &out[count]);
        if (len) {
            count++;
            i += len;
        } else {
            size_t step = utf8_char_len((unsigned char)s[i]);
            i += step < n - i ? step : n - i;
        }
    }
    return count;
}

/* ---- phone area codes --------------------------------------------------------------------- */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the subscriber number after an area code's separator ("-", ")", "）", "－", " "):
 * 7 or 8 digits, else 0. */
static size_t subscriber_len(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (memcmp(s, "\xEF\xBC\x89", 3) == 0 || memcmp(s, "\xEF\xBC\x8D", 3) == 0))
        i = 3; /* ）－ in text that was not normalised */
    else if (n >= 1 && (s[0] == '-' || s[0] == ')' || s[0] == ' '))
        i = 1;
    else
        return 0;
    size_t digits = 0;
    while (i + digits < n && is_digit(s[i + digits]))
        digits++;
    return digits == 7 || digits == 8 ? digits : 0;
}

/* The region of the area code written at s (0576-88830316), or NULL. Codes beginning 01/02 have
 * three digits, the others four. */
static const gipr_region *area_code_region(const char *s, size_t n)
{
    if (n < 4 || s[0] != '0' || !is_digit(s[1]))
        return NULL;
    size_t len = (s[1] == '1' || s[1] == '2') ? 3 : 4;
    for (size_t k = 1; k < len; k++)
        if (k >= n || !is_digit(s[k]))
            return NULL;
    if (!subscriber_len(s + len, n - len))
        return NULL;
    for (size_t k = 0; k < sizeof area_codes / sizeof area_codes[0]; k++)
        if (strlen(area_codes[k].code) == len && memcmp(area_codes[k].code, s, len) == 0)
            return gipr_region_by_code(area_codes[k].region);
    return NULL;
}

/* Calls fn(region, arg) for every known area code of a phone number in text. */
static void each_area_code(const char *text, size_t len,
                           void (*fn)(const gipr_region *, void *), void *arg)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '0' || (i > 0 && is_digit(text[i - 1])))
            continue;
        const gipr_region *r = area_code_region(text + i, len - i);
        if (r)
            fn(r, arg);
    }
}

/* ---- context from the text ---------------------------------------------------------------- */

static size_t count_occurrences(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle), count = 0;
    if (n == 0)
        return 0;
    for (const char *p = text, *end = text + len;
         (p = memmem(p, (size_t)(end - p), needle, n)) != NULL; p += n)
        count++;
    return count;
}

typedef struct {
    const gipr_region *candidate;
    size_t score;
} area_vote;

static void vote_area_code(const gipr_region *r, void *arg)
{
    area_vote *v = arg;
    if (is_ancestor_or_self(r, v->candidate))
        v->score++;
}

/* Evidence in the text for a candidate: mentions of its province and city (by short name when it
 * has one, which also counts the full name; a spelling shared by both, as 吉林, counts once) and
 * phone numbers with their area codes. */
static size_t text_score(const gipr_region *candidate, const char *text, size_t len)
{
    size_t score = 0;
    const char *counted = NULL;
    for (const gipr_region *a = candidate; a; a = parent_of(a)) {
        if (level_bit(a) == LEVEL_COUNTY)
            continue; /* the candidates share their own name: it cannot tell them apart */
        int i = (int)(a - gipr_regions);
        const char *word = region_short[i][0] ? region_short[i] : a->name;
        if (counted && strcmp(counted, word) == 0)
            continue;
        score += count_occurrences(text, len, word);
        counted = word;
    }
    area_vote v = {candidate, 0};
    each_area_code(text, len, vote_area_code, &v);
    return score + v.score;
}

/* The one candidate with the most evidence in the text, or NULL for none or a tie. */
static const gipr_region *settle_by_text(const gipr_region *const *cands, int n,
                                         const char *text, size_t len)
{
    if (!text || len == 0)
        return NULL;
    const gipr_region *best = NULL;
    size_t best_score = 0;
    int tied = 0;
    for (int i = 0; i < n; i++) {
        size_t s = text_score(cands[i], text, len);
        if (s > best_score) {
            best = cands[i], best_score = s, tied = 0;
        } else if (s == best_score && s > 0) {
            tied = 1;
        }
    }
    return tied ? NULL : best;
}

/* ---- choosing among the names of the issuer ----------------------------------------------- */

/* How many mentions name r or one of its ancestors. */
static int coverage(const gipr_region *r, const mention *ms, int n)
{
    int covered = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < ms[i].n; k++)
            if (is_ancestor_or_self(ms[i].region[k], r)) {
                covered++;
                break;
            }
    return covered;
}

static int contains_region(const gipr_region *const *list, int n, const gipr_region *r)
{
    for (int i = 0; i < n; i++)
        if (list[i] == r)
            return 1;
    return 0;
}

/* The divisions the mentions most agree on, into best (distinct); returns how many. A chain of
 * names (台州市 椒江区) makes its deepest division agree with all of them; one name shared by a
 * province and a city (吉林, 海南) leaves both, for the text to settle. */
static int best_candidates(const mention *ms, int n, const gipr_region **best, int cap)
{
    int count = 0, best_cover = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < ms[i].n; k++) {
            const gipr_region *r = ms[i].region[k];
            int c = coverage(r, ms, n);
            if (c < best_cover)
                continue;
            if (c > best_cover)
                best_cover = c, count = 0;
            if (count < cap && !contains_region(best, count, r))
                best[count++] = r;
        }
    return count;
}

/* Without an issuer: the province and city names and area codes at the head of the text, when
 * they all lie on one line of descent; the deepest of them. */
typedef struct {
    const gipr_region *deepest;
    int broken; /* two regions not on one line of descent */
} chain;

static void extend_chain(const gipr_region *r, void *arg)
{
    chain *c = arg;
    if (!c->deepest || is_ancestor_or_self(c->deepest, r))
        c->deepest = r;
    else if (!is_ancestor_or_self(r, c->deepest))
        c->broken = 1;
}

static const gipr_region *resolve_from_head(const char *text, size_t len)
{
    size_t head = len < HEAD_BYTES ? len : HEAD_BYTES;
    while (head < len && ((unsigned char)text[head] & 0xC0) == 0x80)
        head--; /* do not cut a character */
    mention ms[MAX_HEAD_MENTIONS];
    int n = find_mentions(text, head, LEVEL_PROVINCE | LEVEL_CITY, ms, MAX_HEAD_MENTIONS);
    chain c = {NULL, 0};
    for (int i = 0; i < n; i++)
        if (ms[i].n == 1) /* 吉林 (province or city) says nothing */
            extend_chain(ms[i].region[0], &c);
    each_area_code(text, head, extend_chain, &c);
    return c.broken ? NULL : c.deepest;
}

const gipr_region *gipr_region_resolve(const char *issuer, const char *text, size_t len)
{
    if (!text)
        len = 0;
    mention ms[MAX_MENTIONS];
    int n = issuer ? find_mentions(issuer, strlen(issuer), LEVEL_PROVINCE | LEVEL_CITY |
                                   LEVEL_COUNTY, ms, MAX_MENTIONS) : 0;
    if (n == 0)
        return len ? resolve_from_head(text, len) : NULL;
    const gipr_region *best[MAX_MENTIONS * MAX_SAME_NAME];
    int nbest = best_candidates(ms, n, best, (int)(sizeof best / sizeof best[0]));
    if (nbest == 1)
        return best[0];
    return settle_by_text(best, nbest, text, len);
}
