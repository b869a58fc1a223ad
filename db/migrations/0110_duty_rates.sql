-- What a duty is worth by day type (值班补贴 in CNY, 补休 in hours): a card per unit (for its subtree) or per period.
-- A duty takes the card of its period when there is one, else the nearest card of its unit or an ancestor, else nothing.
CREATE TABLE duty_rate_cards (
    id                             uuid          NOT NULL DEFAULT gen_random_uuid(),
    unit_id                        uuid          NULL,
    period_id                      uuid          NULL,
    workday_allowance              numeric(10,2) NOT NULL DEFAULT 0,
    weekend_allowance              numeric(10,2) NOT NULL DEFAULT 0,
    holiday_allowance              numeric(10,2) NOT NULL DEFAULT 0,
    make_up_workday_allowance      numeric(10,2) NOT NULL DEFAULT 0,
    workday_compensatory_hours     numeric(6,2)  NOT NULL DEFAULT 0,
    weekend_compensatory_hours     numeric(6,2)  NOT NULL DEFAULT 0,
    holiday_compensatory_hours     numeric(6,2)  NOT NULL DEFAULT 0,
    make_up_workday_compensatory_hours numeric(6,2) NOT NULL DEFAULT 0,
    version                        integer       NOT NULL DEFAULT 1,
    updated_at                     timestamptz   NOT NULL,
    CONSTRAINT duty_rate_cards_pk PRIMARY KEY (id),
    CONSTRAINT duty_rate_cards_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT duty_rate_cards_period_fk FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
    CONSTRAINT duty_rate_cards_owner_ck CHECK ((unit_id IS NULL) <> (period_id IS NULL)),
    CONSTRAINT duty_rate_cards_amounts_ck CHECK (
        workday_allowance >= 0 AND weekend_allowance >= 0 AND holiday_allowance >= 0 AND make_up_workday_allowance >= 0
        AND workday_compensatory_hours >= 0 AND weekend_compensatory_hours >= 0 AND holiday_compensatory_hours >= 0
        AND make_up_workday_compensatory_hours >= 0)
);
CREATE UNIQUE INDEX duty_rate_cards_unit_ux ON duty_rate_cards (unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX duty_rate_cards_period_ux ON duty_rate_cards (period_id) WHERE period_id IS NOT NULL;
