#ifndef ARKISTO_RANK_H
#define ARKISTO_RANK_H

/// Registers the FTS5 auxiliary function `arkisto_bm25` on the connection whose `fts5_api` is
/// given. It scores exactly as FTS5's built-in `bm25(table, weights...)` does (k1 = 1.2, b = 0.75,
/// per-column weights, document length over all columns) but reads each phrase's positions directly
/// instead of building FTS5's sorted instance array, which makes it cheaper on queries that match a
/// large part of the archive. A row whose matches all stand in one given secondary column (the
/// participants) is put after every other row, in bm25 order among its kind. Also registers
/// `arkisto_phrase_hits`, which gives `arkisto_bm25` the phrases' document frequencies once per
/// query. Returns an SQLite result code.
int arkisto_rank_register(void *fts5_api_pointer);

#endif
