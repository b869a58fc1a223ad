-- Compensatory time off (补休) taken as leave: it spends hours of the person's balance earned by duties.
ALTER TABLE leaves DROP CONSTRAINT leaves_kind_ck;
ALTER TABLE leaves ADD CONSTRAINT leaves_kind_ck CHECK (kind IN ('leave', 'day_off', 'compensatory'));
ALTER TABLE leaves ADD COLUMN hours numeric(6,2) NULL;
ALTER TABLE leaves ADD CONSTRAINT leaves_hours_ck CHECK ((kind = 'compensatory') = (hours IS NOT NULL) AND (hours IS NULL OR hours > 0));
