-- Norms say which supply counts and how the demand is weighted (docs/methods.md §7):
-- a Kita's places for children under 3 are a property of the facility (`plaetze_u3`), and the
-- demand for all places is 0.51 × children under 3 + 0.97 × children from 3 to school age.

ALTER TABLE norm
  -- per demand variable, in the order of `demand`; NULL: each counts once
  ADD COLUMN weights double precision[],
  -- the facility property (`facility.properties`) whose number is the supply; NULL: the capacity
  ADD COLUMN supply_property text,
  ADD CONSTRAINT norm_weights CHECK (weights IS NULL OR cardinality(weights) = cardinality(demand)),
  ADD CONSTRAINT norm_supply_property CHECK (supply_property IS NULL OR supply_property <> '');
