-- liquibase formatted cypher

-- Issue 11 (imports): the history mirror keeps the map as its last big write left it in one HistorySnapshot node
-- (packed text) instead of one HistoryFact node per fact; edits since are HistoryFact entries over it. A
-- 5,000-person first import wrote 36,738 mirror nodes with four index entries each, about half of its time. One
-- snapshot per account, found by its account.

-- changeset innercircle:023-history-snapshot
CREATE INDEX history_snapshot_account IF NOT EXISTS FOR (s:HistorySnapshot) ON (s.account);
