/* The per-connection cache of parsed reports (see cache.h for the keying and its bounds). */
#include "ext.h"
#include "cache.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

struct gipr_cached {
    gipr_report *report; /* reused by the next parse in this slot: its arena is kept */
    char *name;          /* the path or the content's name */
    char *failure;       /* why the file could not be read, or NULL */
    int is_content;
    int reusable;        /* 0: a failed read or an out-of-memory parse, never served again */
    int pins;
    int detached;        /* not in a slot: freed when the last pin goes */
    unsigned long long last_used;
    /* the key */
    dev_t dev;
    ino_t ino;
    long long size;
    struct timespec mtime, ctime;
    uint64_t hash;
};

struct gipr_cache {
    int refs;
    unsigned long long clock;
    gipr_cached *slots[GIPR_CACHE_SLOTS];
};

gipr_cache *gipr_cache_new(void)
{
    gipr_cache *c = sqlite3_malloc64(sizeof *c);
    if (c)
        memset(c, 0, sizeof *c);
    return c;
}

void gipr_cache_ref(gipr_cache *c)
{
    c->refs++;
}

static void entry_free(gipr_cached *e)
{
    if (!e)
        return;
    gipr_report_free(e->report);
    sqlite3_free(e->name);
    sqlite3_free(e->failure);
    sqlite3_free(e);
}

void gipr_cache_unref(void *p)
{
    gipr_cache *c = p;
    if (!c || --c->refs > 0)
        return;
    for (int i = 0; i < GIPR_CACHE_SLOTS; i++)
        entry_free(c->slots[i]); /* cursors are closed before their modules are destroyed */
    sqlite3_free(c);
}

const gipr_report *gipr_cached_report(const gipr_cached *e)
{
    return e->report;
}

void gipr_cache_unpin(gipr_cache *c, gipr_cached *e)
{
    (void)c;
    if (e && --e->pins == 0 && e->detached)
        entry_free(e);
}

static gipr_cached *pin(gipr_cache *c, gipr_cached *e)
{
    e->pins++;
    e->last_used = ++c->clock;
    return e;
}

static int same_time(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static gipr_cached *find_file(gipr_cache *c, const char *path, const struct stat *st)
{
    for (int i = 0; i < GIPR_CACHE_SLOTS; i++) {
        gipr_cached *e = c->slots[i];
        if (e && e->reusable && !e->is_content && e->dev == st->st_dev && e->ino == st->st_ino &&
            e->size == (long long)st->st_size && same_time(e->mtime, st->st_mtim) &&
            same_time(e->ctime, st->st_ctim) && strcmp(e->name, path) == 0)
            return e;
    }
    return NULL;
}

static gipr_cached *find_content(gipr_cache *c, const char *name, size_t len, uint64_t hash)
{
    for (int i = 0; i < GIPR_CACHE_SLOTS; i++) {
        gipr_cached *e = c->slots[i];
        if (e && e->reusable && e->is_content && e->hash == hash && e->size == (long long)len &&
            strcmp(e->name, name) == 0)
            return e;
    }
    return NULL;
}

/* An entry to parse into, named name: the least recently used unpinned slot, or a detached
 * entry when every slot is pinned. NULL when out of memory. */
static gipr_cached *claim(gipr_cache *c, const char *name)
{
    int victim = -1;
    for (int i = 0; i < GIPR_CACHE_SLOTS; i++) {
        gipr_cached *e = c->slots[i];
        if (!e) {
            victim = i;
            break;
        }
        if (e->pins == 0 && (victim < 0 || e->last_used < c->slots[victim]->last_used))
            victim = i;
    }
    gipr_cached *e = victim >= 0 ? c->slots[victim] : NULL;
    if (!e) {
        e = sqlite3_malloc64(sizeof *e);
        if (!e)
            return NULL;
        memset(e, 0, sizeof *e);
        e->report = gipr_report_new();
        if (!e->report) {
            sqlite3_free(e);
            return NULL;
        }
        if (victim >= 0)
            c->slots[victim] = e;
        else
            e->detached = 1;
    }
    char *copy = sqlite3_mprintf("%s", name);
    if (!copy) {
        if (e->detached)
            entry_free(e);
        return NULL;
    }
    sqlite3_free(e->name);
    sqlite3_free(e->failure);
    e->name = copy;
    e->failure = NULL;
    e->reusable = 0; /* until the parse succeeds */
    return e;
}

/* A report that could not be read: only its path, size and what went wrong. */
static gipr_cached *failed(gipr_cache *c, gipr_cached *e, long long size, char *why)
{
    gipr_report *r = e->report;
    gipr_report_reset(r);
    e->failure = why;
    r->path = e->name;
    r->bytes = size > 0 ? (size_t)size : 0;
    r->diagnostics = why ? why : "cannot read the file";
    return pin(c, e);
}

gipr_cached *gipr_cache_file(gipr_cache *c, const char *path)
{
    struct stat st;
    int stat_errno = stat(path, &st) == 0 ? 0 : errno;
    if (!stat_errno) {
        gipr_cached *hit = find_file(c, path, &st);
        if (hit)
            return pin(c, hit);
    }
    gipr_cached *e = claim(c, path);
    if (!e)
        return NULL;
    if (stat_errno)
        return failed(c, e, 0, sqlite3_mprintf("cannot read '%s': %s", path, strerror(stat_errno)));
    if (!S_ISREG(st.st_mode))
        return failed(c, e, 0, sqlite3_mprintf("cannot read '%s': not a regular file", path));
    if ((long long)st.st_size > GIPR_MAX_FILE_BYTES)
        return failed(c, e, (long long)st.st_size,
                      sqlite3_mprintf("cannot read '%s': %lld bytes, more than the %lld a report "
                                      "may have", path, (long long)st.st_size, GIPR_MAX_FILE_BYTES));
    gipr_report_reset(e->report);
    if (gipr_parse_file(e->report, path, NULL) != 0) {
        if (!e->report->path) /* the file was never read, so the report is untouched */
            return failed(c, e, (long long)st.st_size,
                          sqlite3_mprintf("cannot read '%s': %s", path, strerror(errno)));
        return pin(c, e); /* out of memory mid-parse: keep what was read and its diagnostic */
    }
    e->is_content = 0;
    e->reusable = 1;
    e->dev = st.st_dev;
    e->ino = st.st_ino;
    e->size = (long long)st.st_size;
    e->mtime = st.st_mtim;
    e->ctime = st.st_ctim;
    return pin(c, e);
}

/* FNV-1a: one pass over the bytes, enough to tell contents of the same name and length apart */
static uint64_t hash_bytes(const unsigned char *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

gipr_cached *gipr_cache_content(gipr_cache *c, const char *name, const void *bytes, size_t len)
{
    if (!name)
        name = "";
    uint64_t hash = hash_bytes(bytes, len);
    gipr_cached *hit = find_content(c, name, len, hash);
    if (hit)
        return pin(c, hit);
    gipr_cached *e = claim(c, name);
    if (!e)
        return NULL;
    int rc = gipr_parse(e->report, name, bytes ? bytes : "", len, NULL);
    e->is_content = 1;
    e->reusable = rc == 0;
    e->size = (long long)len;
    e->hash = hash;
    return pin(c, e);
}
