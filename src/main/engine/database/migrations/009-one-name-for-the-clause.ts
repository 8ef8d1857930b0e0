// One concept, one name: the Terms-of-Use clause a removal names was `reason` on a comment and
// `clause_code` (with `reason_before`) on a decision. It is `clause` everywhere now.
export default /* sql */ `
ALTER TABLE comments RENAME COLUMN reason TO clause;
ALTER TABLE decisions RENAME COLUMN clause_code TO clause;
ALTER TABLE decisions RENAME COLUMN reason_before TO clause_before;
`
