// Which statements of reasons have gone out: the DSA Transparency Database refuses a puid it already has,
// so an export of a period leaves out the decisions already exported unless asked to repeat them.
export default /* sql */ `
CREATE TABLE statement_exports (
  decision_id  INTEGER PRIMARY KEY REFERENCES decisions(id),
  exported_at  TEXT NOT NULL            -- the latest export that wrote its statement
) WITHOUT ROWID;
`
