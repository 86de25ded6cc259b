#include "arkisto_rank.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

enum { maxWeights = 16 };

static const double k1 = 1.2;
static const double b = 0.75;

/// What one query needs for every row: the phrases' inverse document frequencies, the average
/// document length, the column weights, and the offset that puts rows matching only in the
/// secondary column after every other row.
typedef struct {
    int phraseCount;
    double averageLength;
    double secondaryOffset;
    double weights[maxWeights];
    int weightCount;
    double inverseFrequency[];
} QueryData;

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *userData) {
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)userData)++;
    return SQLITE_OK;
}

/// The number of rows phrase `phrase` matches, as given by the `hits` argument: an integer for a
/// query of one phrase, or text of one decimal count per phrase separated by spaces (what
/// `arkisto_phrase_hits` returns). -1 when the argument does not give it.
static sqlite3_int64 givenHits(sqlite3_value *hits, int phrase, int phraseCount) {
    if (sqlite3_value_type(hits) == SQLITE_INTEGER) {
        return phraseCount == 1 ? sqlite3_value_int64(hits) : -1;
    }
    if (sqlite3_value_type(hits) != SQLITE_TEXT) return -1;
    const char *text = (const char *)sqlite3_value_text(hits);
    int counted = 0;
    while (text && *text) {
        char *end = NULL;
        long long value = strtoll(text, &end, 10);
        if (end == text) return -1;
        if (counted == phrase) return value >= 0 ? value : -1;
        counted++;
        text = end;
    }
    return -1;
}

/// `hits` is the `hits` argument of `arkisto_bm25` (see `givenHits`).
static int loadQueryData(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_value *givenHitCounts,
                         int argumentCount, sqlite3_value **arguments, QueryData **out) {
    QueryData *data = api->xGetAuxdata(fts, 0);
    if (data) {
        *out = data;
        return SQLITE_OK;
    }
    int phraseCount = api->xPhraseCount(fts);
    data = sqlite3_malloc64(sizeof(QueryData) + sizeof(double) * (size_t)(phraseCount > 0 ? phraseCount : 1));
    if (!data) return SQLITE_NOMEM;
    memset(data, 0, sizeof(QueryData));
    data->phraseCount = phraseCount;

    sqlite3_int64 rowCount = 0, tokenCount = 0;
    int rc = api->xRowCount(fts, &rowCount);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokenCount);
    data->averageLength = rowCount > 0 ? (double)tokenCount / (double)rowCount : 1.0;
    if (data->averageLength <= 0) data->averageLength = 1.0;

    int columns = api->xColumnCount(fts);
    data->weightCount = columns < maxWeights ? columns : maxWeights;
    for (int column = 0; column < data->weightCount; column++) {
        data->weights[column] = column < argumentCount ? sqlite3_value_double(arguments[column]) : 1.0;
    }

    for (int phrase = 0; rc == SQLITE_OK && phrase < phraseCount; phrase++) {
        sqlite3_int64 hits = givenHits(givenHitCounts, phrase, phraseCount);
        if (hits < 0) {
            hits = 0;
            rc = api->xQueryPhrase(fts, phrase, &hits, countRow);
        }
        double idf = log((double)(rowCount - hits) + 0.5) - log((double)hits + 0.5);
        data->inverseFrequency[phrase] = idf > 1e-6 ? idf : 1e-6;
        // Each phrase adds less than idf * (k1 + 1) to a row's score, whatever its frequency.
        data->secondaryOffset += data->inverseFrequency[phrase] * (k1 + 1);
    }
    // One more, so that rounding in a score near the bound cannot bring a secondary row level.
    data->secondaryOffset += 1.0;
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, data, sqlite3_free);
    if (rc != SQLITE_OK) {
        sqlite3_free(data);
        return rc;
    }
    *out = data;
    return SQLITE_OK;
}

/// The sum of the column sizes in a `%_docsize.sz` blob: one SQLite varint per column.
static sqlite3_int64 documentLength(const unsigned char *bytes, int count) {
    sqlite3_int64 total = 0;
    int index = 0;
    while (index < count) {
        sqlite3_uint64 value = 0;
        for (int byteNumber = 0; index < count; byteNumber++) {
            unsigned char byte = bytes[index++];
            if (byteNumber == 8) {
                value = (value << 8) | byte;
                break;
            }
            value = (value << 7) | (byte & 0x7f);
            if (!(byte & 0x80)) break;
        }
        total += (sqlite3_int64)value;
    }
    return total;
}

/// `arkisto_bm25(table, sz, hits, secondary, weight...)`.
///
/// `sz` is the row's `%_docsize.sz` blob, joined in by the query: FTS5's own per-row lookup of it
/// (`xColumnSize`) costs about three times the rest of the scoring. NULL falls back to that lookup.
///
/// `hits` may give each phrase's document frequency, which otherwise costs a pass over the
/// phrase's rows, once per query: for a query of one phrase whose rows nothing else filters, the
/// number of rows it matches (an integer); for any query, the text `arkisto_phrase_hits` returned
/// for it. NULL when unknown. A query that FTS5 runs once per rowid (`rowid IN (…)`) starts anew
/// each time, so without it each lookup would pass over every phrase's rows again.
///
/// `secondary` is the index of a column whose matches alone rank a row after every row that also
/// matches elsewhere (the participants' names and addresses), NULL for none. Such a row gets
/// bm25 minus a per-query offset larger than any bm25 the query can reach, so it stays in bm25
/// order among its kind and below all the others: the value returned is negative for a row with a
/// match outside that column and positive for one without.
static void bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                 int argumentCount, sqlite3_value **arguments) {
    if (argumentCount < 3) {
        sqlite3_result_error(
            context, "arkisto_bm25 needs the row's docsize blob, the query's hits and the secondary column", -1);
        return;
    }
    int secondaryColumn = sqlite3_value_type(arguments[2]) == SQLITE_INTEGER ? sqlite3_value_int(arguments[2]) : -1;
    QueryData *data = NULL;
    int rc = loadQueryData(api, fts, arguments[1], argumentCount - 3, arguments + 3, &data);
    sqlite3_int64 length = 0;
    if (rc == SQLITE_OK) {
        if (sqlite3_value_type(arguments[0]) == SQLITE_BLOB) {
            length = documentLength(sqlite3_value_blob(arguments[0]), sqlite3_value_bytes(arguments[0]));
        } else {
            int size = 0;
            rc = api->xColumnSize(fts, -1, &size);
            length = size;
        }
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double lengthFactor = k1 * (1 - b + b * (double)length / data->averageLength);
    double score = 0;
    int primaryMatch = 0;
    for (int phrase = 0; phrase < data->phraseCount; phrase++) {
        Fts5PhraseIter iterator;
        int column = 0, offset = 0;
        double frequency = 0;
        rc = api->xPhraseFirst(fts, phrase, &iterator, &column, &offset);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        while (column >= 0) {
            frequency += column < data->weightCount ? data->weights[column] : 1.0;
            if (column != secondaryColumn) primaryMatch = 1;
            api->xPhraseNext(fts, &iterator, &column, &offset);
        }
        score += data->inverseFrequency[phrase] * (frequency * (k1 + 1)) / (frequency + lengthFactor);
    }
    sqlite3_result_double(context, primaryMatch || secondaryColumn < 0 ? -score : data->secondaryOffset - score);
}

/// `arkisto_phrase_hits(table)`: the number of rows each phrase of the query matches in the whole
/// table, as decimal numbers separated by spaces: the `hits` argument of `arkisto_bm25`.
static void phraseHits(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                       int argumentCount, sqlite3_value **arguments) {
    (void)argumentCount;
    (void)arguments;
    sqlite3_str *text = sqlite3_str_new(NULL);
    int rc = SQLITE_OK;
    for (int phrase = 0; rc == SQLITE_OK && phrase < api->xPhraseCount(fts); phrase++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, phrase, &hits, countRow);
        sqlite3_str_appendf(text, "%s%lld", phrase == 0 ? "" : " ", hits);
    }
    char *result = sqlite3_str_finish(text);
    if (rc != SQLITE_OK) {
        sqlite3_free(result);
        sqlite3_result_error_code(context, rc);
        return;
    }
    if (!result) {
        sqlite3_result_error_nomem(context);
        return;
    }
    sqlite3_result_text(context, result, -1, sqlite3_free);
}

int arkisto_rank_register(void *fts5_api_pointer) {
    fts5_api *api = fts5_api_pointer;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    int rc = api->xCreateFunction(api, "arkisto_bm25", NULL, bm25, NULL);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "arkisto_phrase_hits", NULL, phraseHits, NULL);
    return rc;
}
