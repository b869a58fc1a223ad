-- Setting a bureau up without SQL: unit codes unique among siblings (two bureaus may both have school-1), units that
-- can be deactivated, periods that say which units of their subtree keep a roster, and people keyed by staff number.
ALTER TABLE units DROP CONSTRAINT units_code_uq;
ALTER TABLE units ADD CONSTRAINT units_sibling_code_uq UNIQUE NULLS NOT DISTINCT (parent_id, code);
ALTER TABLE units ADD COLUMN active boolean NOT NULL DEFAULT true;

-- roster_units: 'all' (every unit of the subtree, the declaring one included), 'leaves' (units with no active child
-- unit, plus the declaring unit when roster_own_unit), 'list' (exactly roster_unit_ids).
ALTER TABLE periods ADD COLUMN roster_units text NOT NULL DEFAULT 'all';
ALTER TABLE periods ADD COLUMN roster_unit_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE periods ADD COLUMN roster_own_unit boolean NOT NULL DEFAULT false;
ALTER TABLE periods ADD CONSTRAINT periods_roster_units_ck CHECK (roster_units IN ('all', 'leaves', 'list'));

-- Unique inside a unit's subtree, which the import checks; not across the installation (two bureaus may share numbers).
ALTER TABLE people ADD COLUMN staff_number text NULL;
CREATE INDEX people_staff_number_ix ON people (staff_number) WHERE staff_number IS NOT NULL;
