# news-archive (issue 12): the archive is an SQLite database with FTS5
# (libsqlite3-dev, already a dependency: Debian's build has FTS5); the
# sqlite3 shell is used by its tests to look inside the file.
DEPS_PKGS += sqlite3
