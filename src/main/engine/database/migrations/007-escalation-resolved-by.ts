// Which decision batch settled an escalation, so undoing that batch opens the escalation again.
export default /* sql */ `
ALTER TABLE escalations ADD COLUMN resolved_by INTEGER REFERENCES batches(id);
CREATE INDEX escalations_resolved_by ON escalations (resolved_by) WHERE resolved_by IS NOT NULL;
`
