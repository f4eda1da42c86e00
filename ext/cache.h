/* Parsed reports, shared by every gipr table and function of one connection, so that a statement
 * reading the same file several times (a join of gipr_reports and gipr_indicators over one glob,
 * gipr_check in a WHERE clause) parses it once.
 *
 * The choice: a small LRU (GIPR_CACHE_SLOTS reports) keyed by
 *   - a file:    its path and what stat(2) says of it (device, inode, size, mtime, ctime, to the
 *                nanosecond), checked again at every lookup, so an edited file is parsed again;
 *   - a content: its name, its length and a 64-bit hash of its bytes.
 * A report in use by a cursor is pinned and never evicted; when every slot is pinned a lookup
 * parses into a detached report freed at unpin, so memory stays bounded by the slots plus the
 * reports pinned at that moment (one per open cursor). An unchanged file is served from the
 * cache across statements too; that is the point of keying on the file's identity. */
#ifndef GIPR_CACHE_H
#define GIPR_CACHE_H

#include <stddef.h>

#include "../core/gipr.h"

#define GIPR_CACHE_SLOTS 8
/* Reports are a few MB at most; a larger file is refused with a diagnostic, not read. */
#define GIPR_MAX_FILE_BYTES ((long long)64 << 20)

typedef struct gipr_cache gipr_cache;
typedef struct gipr_cached gipr_cached;

gipr_cache *gipr_cache_new(void);
/* The cache is owned by the modules and functions registered with it: each registration takes a
 * reference; gipr_cache_unref (an SQLite destructor) drops one and frees at zero. */
void gipr_cache_ref(gipr_cache *c);
void gipr_cache_unref(void *c);

/* The report of a file or of a content, pinned until gipr_cache_unpin. A file that cannot be
 * read gives a report with only path, bytes and diagnostics set. NULL only when out of memory. */
gipr_cached *gipr_cache_file(gipr_cache *c, const char *path);
gipr_cached *gipr_cache_content(gipr_cache *c, const char *name, const void *bytes, size_t len);
const gipr_report *gipr_cached_report(const gipr_cached *e);
void gipr_cache_unpin(gipr_cache *c, gipr_cached *e);

#endif
