-- Police and Crime Plan objectives, from the versioned plan definition file.
CREATE TABLE raw.plan_objectives (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,   -- line of the objective in the plan file
    plan_id             VARCHAR NOT NULL,
    plan_title          VARCHAR NOT NULL,
    plan_version        VARCHAR NOT NULL,
    force_area_code     VARCHAR NOT NULL,
    objective_id        VARCHAR NOT NULL,
    objective_title     VARCHAR NOT NULL,
    objective_order     INTEGER NOT NULL,
    description         VARCHAR
);
