-- 0002: full-text index over events: title, summary, the names of their people (as written and folded)
-- and the titles of their sources. Contentless (the text lives in the tables), rowid = Events.Id.
-- Kept current by the application on every save (see Search/SearchIndex.cs), not by triggers, so that
-- bulk imports can index once at the end.
CREATE VIRTUAL TABLE "EventSearch" USING fts5(
    "Title", "Summary", "People", "Sources",
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
