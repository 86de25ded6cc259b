// SQLite's amalgamation (Sources/CSQLite/sqlite3.c, fetched by tools/fetch-sqlite). Nothing is
// imported from here: the target only links SQLite's definitions of the `sqlite3_*` API into the
// programs, and GRDB's calls bind to them. Code that needs SQLite's declarations includes the
// system <sqlite3.h> (the API is the same; only newer additions are missing from it).
