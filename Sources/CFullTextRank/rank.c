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

/// `knownHits`, when not negative, is the number of rows the query's only phrase matches.
static int loadQueryData(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_int64 knownHits,
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
        sqlite3_int64 hits = 0;
        if (phraseCount == 1 && knownHits >= 0) {
            hits = knownHits;
        } else {
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
/// `hits` may give the number of rows the query matches when the query is one phrase and nothing
/// else filters the rows: that is the phrase's document frequency, which otherwise costs a second
/// pass over its rows. NULL when unknown.
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
    sqlite3_int64 knownHits = sqlite3_value_type(arguments[1]) == SQLITE_INTEGER ? sqlite3_value_int64(arguments[1]) : -1;
    int secondaryColumn = sqlite3_value_type(arguments[2]) == SQLITE_INTEGER ? sqlite3_value_int(arguments[2]) : -1;
    QueryData *data = NULL;
    int rc = loadQueryData(api, fts, knownHits, argumentCount - 3, arguments + 3, &data);
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

int arkisto_rank_register(void *fts5_api_pointer) {
    fts5_api *api = fts5_api_pointer;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "arkisto_bm25", NULL, bm25, NULL);
}
