-- Variables defined as the sum of others (ew_65plus = 020.120 + 020.130; one term is an alias).
-- The sums are materialised as ordinary observations of the defined variable, written when the
-- definition is stored and again in every import that touches a term, so every reader
-- (indicators, disclosure control, level tables, exports) sees them like imported counts.

CREATE TABLE variable_sum (
  variable_id      integer NOT NULL REFERENCES variable (id) ON DELETE CASCADE,
  term_variable_id integer NOT NULL REFERENCES variable (id) ON DELETE RESTRICT,
  position         integer NOT NULL, -- order of the terms as written
  PRIMARY KEY (variable_id, term_variable_id),
  CHECK (variable_id <> term_variable_id)
);
CREATE INDEX variable_sum_term ON variable_sum (term_variable_id);

CREATE TRIGGER variable_sum_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON variable_sum
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
ALTER TABLE variable_sum ENABLE ALWAYS TRIGGER variable_sum_data_version;
